import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_FREE = {
  group: ['react', 'react-dom', '@xyflow/*', 'zustand', 'zustand/*'],
  message: 'Core layers stay UI-free.',
};
const UI_FOLDERS = ['store', 'canvas', 'ui'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The pure core and the shells beside it stay free of React and the DOM store (docs/architecture.md).
    // For source files `layerRules` below replaces this with the full per-folder rule; tests keep this one.
    files: ['src/{domain,net,engine,sim,share,scenarios,worker,cli}/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [UI_FREE],
        },
      ],
    },
  },
  ...layerRules(),
);

/**
 * Which folder of src/ may import which: arrows point one way (docs/architecture.md,
 * "Layers"). Tests may reach higher for fixtures (a template, the sample design).
 */
function layerRules() {
  const MAY_IMPORT = {
    domain: [],
    net: ['domain'],
    engine: ['domain', 'net'],
    sim: ['domain', 'net', 'engine'],
    share: ['domain', 'net', 'engine'],
    scenarios: ['domain', 'net', 'engine', 'sim', 'share'],
    worker: ['domain', 'net', 'engine', 'sim', 'scenarios'],
    cli: ['domain', 'net', 'engine', 'sim', 'share', 'scenarios'],
    store: ['domain', 'net', 'engine', 'sim', 'share', 'scenarios', 'worker'],
    canvas: ['domain', 'net', 'engine', 'sim', 'store'],
    ui: ['domain', 'net', 'engine', 'sim', 'share', 'scenarios', 'store', 'canvas'],
  };
  const folders = Object.keys(MAY_IMPORT);
  return folders.map((folder) => {
    const forbidden = folders.filter((other) => other !== folder && !MAY_IMPORT[folder].includes(other));
    return {
      files: [`src/${folder}/**/*.{ts,tsx}`],
      ignores: ['**/*.test.{ts,tsx}'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...(UI_FOLDERS.includes(folder) ? [] : [UI_FREE]),
              ...(forbidden.length
                ? [
                    {
                      group: forbidden.flatMap((f) => [`**/${f}`, `**/${f}/**`]),
                      message: `src/${folder}/ may import ${MAY_IMPORT[folder].length ? `only ${MAY_IMPORT[folder].join(', ')}` : 'nothing of ours'} (docs/architecture.md, "Layers").`,
                    },
                  ]
                : []),
            ],
          },
        ],
      },
    };
  });
}
