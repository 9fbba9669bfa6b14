import { Readable } from 'node:stream';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { AppException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';

export const RAW_UPLOAD_TYPE = 'application/octet-stream';

/** VALIDATION_FAILED with HTTP 413: the file is larger than the route takes. */
export class UploadTooLargeException extends AppException {
  constructor(maxBytes: number) {
    super('VALIDATION_FAILED', `Файл больше ${(maxBytes / 1_000_000).toLocaleString('ru-RU')} МБ: разделите его на части.`, 413);
  }
}

/**
 * Lets the routes in `paths` take a raw `application/octet-stream` body, handed to the handler
 * unread, as a stream: the handler reads it with its own cap (`readUpload`), after the guards,
 * and no per-route body limit has to be set in Fastify (a Nest controller cannot set one). Any
 * other route answers such a body as before: 415, unread.
 */
export function acceptRawUploads(fastify: FastifyInstance, paths: readonly string[]): void {
  if (fastify.hasContentTypeParser(RAW_UPLOAD_TYPE)) return;
  fastify.addContentTypeParser(RAW_UPLOAD_TYPE, (request, payload, done) => {
    if (request.is404 || paths.includes(request.routeOptions.url ?? '')) done(null, payload); // unknown paths: the 404 as before
    else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(RAW_UPLOAD_TYPE), undefined);
  });
}

/**
 * The request's raw body, refused as soon as it is known to exceed `maxBytes`: by its declared
 * length before a byte is read, or at the chunk that passes the cap. What the client still sends
 * after a refusal is read and dropped, never kept, so that it gets the answer on a connection that
 * stays usable (closing a socket with unread data resets it before the client reads the 413).
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const body: unknown = request.body;
  if (Buffer.isBuffer(body)) {
    if (body.length > maxBytes) throw new UploadTooLargeException(maxBytes);
    if (body.length === 0) throw new ValidationFailedException('Файл пуст.');
    return body;
  }
  if (!(body instanceof Readable)) throw new ValidationFailedException(`Передайте содержимое файла телом запроса с заголовком Content-Type: ${RAW_UPLOAD_TYPE}.`);
  // A client that goes away while its body is being dropped is no error of ours.
  body.on('error', () => undefined);
  if (Number(request.headers['content-length']) > maxBytes) {
    body.resume();
    throw new UploadTooLargeException(maxBytes);
  }
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error | null, result?: Buffer) => {
      body.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) reject(error);
      else resolve(result ?? Buffer.alloc(0));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        chunks.length = 0;
        stop(new UploadTooLargeException(maxBytes));
        body.resume(); // drop the rest: no listener keeps it
      }
    };
    const onEnd = () => stop(null, Buffer.concat(chunks, size));
    const onError = () => stop(new ValidationFailedException('Файл передан не полностью: загрузите его ещё раз.'));
    body.on('data', onData).on('end', onEnd).on('error', onError);
  });
  if (bytes.length === 0) throw new ValidationFailedException('Файл пуст.');
  return bytes;
}
