import { Public } from '@albergue/common';
import { type Catalogue, type MessageKey, say } from '@albergue/i18n';
import { ApiErrorCode, AppException } from '@albergue/common';
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
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { PublicSnapshot } from '../realtime/public-snapshot.js';
import { needsBoard } from './needs.js';
import { needsPage } from './needs-page.js';
import { pledgeAnswerPage, pledgePage } from './pledge-page.js';
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
/** A day `days` after `day` (YYYY-MM-DD). */
const inDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The pledge form's fields, as a form posts them: strings, blank when left empty. */
class PledgeForm {
  @IsUUID()
  requestId: string;

  @IsUUID()
  needId: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  lang?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(24)
  phone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  quantity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  unit?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  bringBy?: string;
}

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
    this.html(reply, catalogue, page, 'public, max-age=30');
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

  /** "I can bring this": the form for one public need, without script. */
  @Get('needs/pledge')
  async pledgeForm(
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const catalogue = catalogueFor(this.catalogues, query.lang, acceptLanguage);
    const board = await this.board();
    const shelter = board.shelters.find((each) => each.needs.some((n) => n.id === query.need));
    const need = shelter?.needs.find((n) => n.id === query.need);
    if (!shelter || !need) {
      throw new AppException(
        'No public need has this id.',
        ApiErrorCode.NOT_FOUND,
        'NEED_NOT_FOUND',
        ['need'],
      );
    }
    const today = this.today();
    const page = pledgePage({
      catalogue,
      need,
      shelter:
        shelter.name ??
        say(catalogue, shelter.borough ? 'needs.inBorough' : 'needs.somewhere', {
          borough: shelter.borough ?? '',
        }),
      requestId: randomUUID(),
      today,
      lastDay: need.until && need.until < inDays(today, 60) ? need.until : inDays(today, 60),
    });
    this.html(reply, catalogue, page, 'no-store');
  }

  /** The form's post: thanks, or what to fix, as a page. */
  @Post('needs/pledge')
  @HttpCode(200)
  async pledgeFormPost(
    @Body() form: PledgeForm,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    fromThisSite(request);
    const catalogue = catalogueFor(this.catalogues, form.lang, acceptLanguage);
    const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);
    const quantity = blank(form.quantity);
    let answer: MessageKey = 'needs.pledge.thanks';
    try {
      await this.pledges.pledge(
        {
          requestId: form.requestId,
          needId: form.needId,
          quantity: quantity === null ? null : Number(quantity),
          unit: quantity === null ? null : (blank(form.unit) as PledgeInput['unit']),
          bringBy: blank(form.bringBy),
          name: form.name ?? '',
          phone: blank(form.phone),
          email: blank(form.email),
        },
        request.ip,
      );
    } catch (error) {
      // A refusal (bad input, the limit, a need gone) is said as a page; a fault is not.
      if (!(error instanceof AppException) || error.code === ApiErrorCode.FORBIDDEN) {
        throw error;
      }
      answer =
        error.reason === 'PLEDGE_LIMIT'
          ? 'needs.pledge.limit'
          : error.reason === 'NEED_NOT_FOUND'
            ? 'needs.pledge.gone'
            : 'needs.pledge.invalid';
    }
    this.html(reply, catalogue, pledgeAnswerPage(catalogue, answer), 'no-store');
  }

  private today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.options.timeZone }).format(new Date());
  }

  private html(reply: FastifyReply, catalogue: Catalogue, page: string, cache: string): void {
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-language', catalogue.code)
      .header('cache-control', cache)
      .header('vary', 'accept-language')
      .send(page);
  }

  private async board() {
    return needsBoard(await this.needs.current(), this.snapshot.current().shelters);
  }
}
