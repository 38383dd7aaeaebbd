import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  {
    // One place decides who may see and do what about a child: lib/access. Features ask its
    // questions (isDirector, requireOnChild, scopes) instead of reading the actor's role.
    files: ['lib/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['lib/access/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='actor'][property.name=/^(role|care)$/]",
          message: 'Ask lib/access (isGuardian, isDirector, onlyStaff, requireOnChild, …) instead of reading actor.role / actor.care.',
        },
      ],
    },
  },
  { ignores: ['.next/**', 'generated/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
