import { defineConfig } from 'vitest/config';

// One config for the unit tests; the widget's two builds (the lazily loaded panel as an
// ES module, then the tiny classic-script loader that imports it) live in src/build/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    css: true,
  },
});
