import { Public } from '@albergue/common';
import type { Catalogue } from '@albergue/i18n';
import { PledgeInput, PublicNeeds, SupplyPledges } from '@albergue/supplies';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicSnapshot } from '../realtime/public-snapshot.js';
import { needsBoard } from './needs.js';
import { needsPage } from './needs-page.js';
import { fromThisSite } from './problem-reports.controller.js';
import {
  CATALOGUES,
  catalogueFor,
  PUBLIC_PAGES_OPTIONS,
  type PublicPagesOptions,
} from './public-pages.controller.js';

/**
 * `/needs` and `/needs.json` (issue 21, item 7), and pledges against them (item 8): what shelters ask donors for, from the supplies
 * lib's public read (open needs, at most 30 s old) and the public snapshot (how each shelter may
 * be shown). Cacheable like the snapshot's pages, by any proxy.
 */
@Public()
@Controller()
export class NeedsPagesController {
  constructor(
    private readonly snapshot: PublicSnapshot,
    private readonly needs: PublicNeeds,
    private readonly pledges: SupplyPledges,
    @Inject(CATALOGUES) private readonly catalogues: Map<string, Catalogue>,
    @Inject(PUBLIC_PAGES_OPTIONS) private readonly options: PublicPagesOptions,
  ) {}

  @Get('needs')
  async page(
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const catalogue = catalogueFor(this.catalogues, query.lang, acceptLanguage);
    const page = needsPage({
      catalogue,
      languages: [...this.catalogues.values()],
      board: await this.board(),
      borough:
        typeof query.borough === 'string' && query.borough.length <= 100 ? query.borough : null,
      now: new Date(),
      timeZone: this.options.timeZone,
    });
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-language', catalogue.code)
      .header('cache-control', 'public, max-age=30')
      .header('vary', 'accept-language')
      .send(page);
  }

  @Get('needs.json')
  async json(@Res() reply: FastifyReply): Promise<void> {
    const board = await this.board();
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=30')
      .header('access-control-allow-origin', '*')
      .send(JSON.stringify({ serverTime: new Date().toISOString(), ...board }));
  }

  /**
   * A pledge (`{ requestId, needId, quantity?, unit?, bringBy, name, phone?, email? }`), from this
   * site's pages only; answered `{ received: true }`. The address serves the limit only.
   */
  @Post('needs/pledges')
  @HttpCode(200)
  async pledge(
    @Body() input: PledgeInput,
    @Req() request: FastifyRequest,
  ): Promise<{ received: true }> {
    fromThisSite(request);
    await this.pledges.pledge(input, request.ip);
    return { received: true };
  }

  private async board() {
    return needsBoard(await this.needs.current(), this.snapshot.current().shelters);
  }
}
