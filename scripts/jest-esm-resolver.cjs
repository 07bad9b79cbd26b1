// Jest (on Node 20) cannot `require()` an ES module. A few CommonJS packages in our tree
// do exactly that (light-my-request -> cookie 2, @fastify/static -> content-disposition 3),
// and their older CommonJS versions lack functions the callers use. So when a `require`
// resolves to an ESM-only file, hand Jest a CommonJS bundle of it made by esbuild, cached
// under .cache/jest-cjs by path and modification time. Imports (`import`) are left alone.
const { buildSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const cacheDir = path.join(__dirname, '..', '.cache', 'jest-cjs');

function nearestPackageType(file) {
  let dir = path.dirname(file);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      return JSON.parse(readFileSync(manifest, 'utf8')).type ?? 'commonjs';
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return 'commonjs';
    }
    dir = parent;
  }
}

function isEsm(file) {
  if (file.endsWith('.mjs')) {
    return true;
  }
  return (
    file.endsWith('.js') &&
    file.includes(`${path.sep}node_modules${path.sep}`) &&
    nearestPackageType(file) === 'module'
  );
}

function toCommonJs(file) {
  const key = createHash('sha1')
    .update(`${file}:${statSync(file).mtimeMs}`)
    .digest('hex');
  const outfile = path.join(cacheDir, `${key}.cjs`);
  if (!existsSync(outfile)) {
    buildSync({
      entryPoints: [file],
      outfile,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    });
  }
  return outfile;
}

module.exports = function resolve(request, options) {
  const resolved = options.defaultResolver(request, options);
  const required = Array.isArray(options.conditions) && options.conditions.includes('require');
  return required && isEsm(resolved) ? toCommonJs(resolved) : resolved;
};

module.exports.isEsm = isEsm;
