// Builds the playground and the explorer into dist/, which the Go binary
// embeds (web/embed.go). The output is committed, so that `go run` works on a
// fresh checkout without npm; CI rebuilds it and fails if it differs from
// what is committed (scripts/test.sh).
//
//   npm ci && npm run build
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/assets', { recursive: true });

await esbuild.build({
  entryPoints: { playground: 'src/playground.jsx', explore: 'src/explore.js' },
  outdir: 'dist/assets',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'dataurl', '.png': 'dataurl' },
  assetNames: '[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
});

for (const page of ['index.html', 'explore.html']) {
  cpSync(page, `dist/${page}`);
}
