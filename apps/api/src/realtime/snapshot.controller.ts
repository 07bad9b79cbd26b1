import { Public } from '@albergue/common';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { chooseEncoding, PublicSnapshot } from './public-snapshot.js';

/** GET /availability.json: the public snapshot, compressed, cacheable for a second by any proxy. */
@Public()
@Controller()
export class SnapshotController {
  constructor(private readonly snapshot: PublicSnapshot) {}

  @Get('availability.json')
  send(
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    const encoding = chooseEncoding(acceptEncoding);
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=1')
      .header('vary', 'accept-encoding');
    if (encoding !== 'identity') {
      reply.header('content-encoding', encoding);
    }
    void reply.send(this.snapshot.encoded(encoding));
  }
}
