import { ApiErrorCode, AppException, Public } from '@albergue/common';
import type { ProblemReportReceipt } from '@albergue/contracts';
import type { Catalogue } from '@albergue/i18n';
import { ProblemReportsService, ReportProblemInput } from '@albergue/shelters';
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
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicSnapshot } from '../realtime/public-snapshot.js';
import { CATALOGUES, catalogueFor } from './public-pages.controller.js';
import { reportPage, reportThanksPage } from './report-page.js';

/** `/text`'s form: the report, and the language to answer in. */
class ReportProblemForm extends ReportProblemInput {
  @IsOptional()
  @IsString()
  @MaxLength(20)
  lang?: string;
}

const RECEIVED: ProblemReportReceipt = { received: true };

/**
 * A report posted from another site's page (its form or script, sending its visitors' browsers
 * here to fake a burst from many addresses) is refused. Browsers say where a request comes from
 * in Sec-Fetch-Site; one too old to say it is let through, as /text's form must work on old
 * phones. (The Origin header cannot tell: with Referrer-Policy no-referrer, a same-origin form
 * post sends `Origin: null`.)
 */
export function fromThisSite(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new AppException(
      'This is sent from this site’s own pages.',
      ApiErrorCode.FORBIDDEN,
      'CROSS_SITE',
    );
  }
}

/**
 * "They turned me away", "nobody answers", "it was closed": the finder's report (`POST /reports`,
 * JSON) and `/text`'s, which works without script (a page with a button per reason, whose form
 * posts to `/text/report` and is answered with a page). The caller's address goes to the limit
 * of one counted report per address, shelter and hour, and nowhere else (ProblemReportsService);
 * every valid report gets the same thanks, counted or not.
 */
@Public()
@Controller()
export class ProblemReportsController {
  constructor(
    private readonly reports: ProblemReportsService,
    private readonly snapshot: PublicSnapshot,
    @Inject(CATALOGUES) private readonly catalogues: Map<string, Catalogue>,
  ) {}

  @Post('reports')
  @HttpCode(200)
  async report(
    @Body() input: ReportProblemInput,
    @Req() request: FastifyRequest,
  ): Promise<ProblemReportReceipt> {
    fromThisSite(request);
    await this.reports.report(input, request.ip);
    return RECEIVED;
  }

  @Get('text/report')
  page(
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    const catalogue = catalogueFor(this.catalogues, query.lang, acceptLanguage);
    const shelter = this.snapshot.current().shelters.find((s) => s.id === query.shelter);
    if (!shelter) {
      throw new AppException(
        'No shelter has this id.',
        ApiErrorCode.NOT_FOUND,
        'SHELTER_NOT_FOUND',
        ['shelter'],
      );
    }
    this.html(reply, catalogue, reportPage(catalogue, shelter));
  }

  @Post('text/report')
  @HttpCode(200)
  async form(
    @Body() { lang, ...input }: ReportProblemForm,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    fromThisSite(request);
    await this.reports.report(input, request.ip);
    const catalogue = catalogueFor(this.catalogues, lang, acceptLanguage);
    this.html(reply, catalogue, reportThanksPage(catalogue));
  }

  private html(reply: FastifyReply, catalogue: Catalogue, page: string): void {
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-language', catalogue.code)
      .header('cache-control', 'no-store')
      .send(page);
  }
}
