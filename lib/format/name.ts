type Named = { firstName: string; prefix?: string | null; lastName: string };

/** "Daan van der Berg": Dutch names keep the tussenvoegsel between first and last name. */
export function fullName(p: Named) {
  return [p.firstName, p.prefix, p.lastName].filter(Boolean).join(' ');
}

export function namesList(people: Named[]) {
  return people.map(fullName).join(', ');
}
