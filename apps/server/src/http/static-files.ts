// Serves the built web app: files under WEB_DIST with long caching for hashed assets, and
// index.html for every other GET (client-side routes). No directory traversal.
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export function createStaticHandler(root: string) {
  const rootResolved = path.resolve(root);
  const indexFile = path.join(rootResolved, 'index.html');
  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed\n');
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad path\n');
      return;
    }
    const candidate = path.resolve(rootResolved, '.' + path.posix.normalize(decoded));
    const inside = candidate.startsWith(rootResolved + path.sep);
    const file = inside && fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : indexFile;
    if (!fs.existsSync(file)) {
      res
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The web app is not built yet: run `npm start` (it builds it) or `npm run build`.\n');
      return;
    }
    const ext = path.extname(file);
    const immutable = file !== indexFile && /[-.][A-Za-z0-9_]{8,}\.\w+$/.test(file);
    res.writeHead(200, {
      'Content-Type': types[ext] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };
}
