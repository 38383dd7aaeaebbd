// Apart from ./schemas.ts so the question editor (a client component) can import it: the schemas
// use the server's id rule (lib/access/action.ts).
export const questionTypes = ['LIKERT', 'YES_NO', 'SINGLE', 'MULTI', 'OPEN'] as const;
