// Lint rules that guard the architecture and the "never run a cell as code" promise.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const banCodeFromText = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'Workbook text must never become markup; render text nodes.' },
    { property: 'outerHTML', message: 'Workbook text must never become markup.' },
    { property: 'insertAdjacentHTML', message: 'Workbook text must never become markup.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in the task pane.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'lib/**', 'coverage/**', '.tmp/**', 'tests/support/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      ...banCodeFromText,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: no host, UI, file-format or Node imports (architecture.md).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', '@fluentui/*', 'exceljs', 'yauzl', 'node:*'], message: 'src/domain stays pure.' },
            { group: ['fs', 'path', 'os', 'zlib', 'crypto', 'stream', 'child_process'], message: 'src/domain stays pure.' },
            { group: ['../workbook/*', '../functions/*', '../taskpane/*', '../cli/*'], message: 'The engine depends on nothing outside src/domain.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process', 'require'],
    },
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js', '*.config.js', 'webpack.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off', ...banCodeFromText },
  },
);
