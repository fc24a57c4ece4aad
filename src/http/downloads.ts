import type { FastifyReply } from 'fastify';

// Sending an order's file (docs/delivery.md, decision 036): always a download, never shown inline.

/**
 * `attachment` with the original name twice: an ASCII stand-in for old clients, and the real one,
 * Cyrillic and all, as RFC 5987/6266 `filename*` (UTF-8, percent-encoded).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The file as a download: the type recorded at upload (from its bytes), nosniff so no browser guesses
 * another one, no caching anywhere (a shared computer, a proxy), and a sandbox CSP should a browser
 * open it anyway.
 */
export function sendDownload(reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('content-length', String(file.bytes.length))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}
