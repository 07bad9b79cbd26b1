import { Public } from '@albergue/common';
import { findBorough, POPULATIONS, type PopulationName } from '@albergue/contracts';
import { acceptedLanguages, type Catalogue, negotiate } from '@albergue/i18n';
import { PublicHealthServices } from '@albergue/referrals';
import { Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicSnapshot } from '../realtime/public-snapshot.js';
import { sheltersGeoJson } from './geojson.js';
import { printPage } from './print-page.js';
import { textPage } from './text-page.js';

export const CATALOGUES = Symbol('CATALOGUES');
export const PUBLIC_PAGES_OPTIONS = Symbol('PUBLIC_PAGES_OPTIONS');

export interface PublicPagesOptions {
  /** Times on the pages are the network's local time (TIME_ZONE), not the server's. */
  timeZone: string;
  /**
   * The public map's address (PUBLIC_URL). Without it, development takes it from the request;
   * production prints no link at all rather than one a Host header chose.
   */
  publicUrl: string | undefined;
  fromRequest: boolean;
}

/** The catalogue of `?lang=` when there is one, else of the browser's languages, else Spanish. */
export function catalogueFor(
  catalogues: Map<string, Catalogue>,
  lang: unknown,
  acceptLanguage: string | undefined,
): Catalogue {
  const code = negotiate(
    [...(typeof lang === 'string' ? [lang] : []), ...acceptedLanguages(acceptLanguage)],
    [...catalogues.keys()],
  );
  return catalogues.get(code)!;
}

const GROUP_NAMES = new Set<string>(POPULATIONS);
const isGroup = (value: string | null): value is PopulationName =>
  value !== null && GROUP_NAMES.has(value);
const one = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null;

/**
 * The pages that need no script and no smartphone (`/text`, `/print`) and the open-data feed
 * (`/shelters.geojson`): all built from the public snapshot, so from public aggregates only; and
 * `/text`'s health services, from the referrals lib's public read (public, active services only),
 * which keeps them in memory for 30 s: no query per anonymous page.
 */
@Public()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly snapshot: PublicSnapshot,
    private readonly healthServices: PublicHealthServices,
    @Inject(CATALOGUES) private readonly catalogues: Map<string, Catalogue>,
    @Inject(PUBLIC_PAGES_OPTIONS) private readonly options: PublicPagesOptions,
  ) {}

  @Get('text')
  async text(
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const catalogue = this.catalogue(query.lang, acceptLanguage);
    const group = one(query.group);
    const borough = one(query.borough);
    // A borough's page lists its public health services after its shelters (issue 20).
    const chosen = borough ? findBorough(borough) : undefined;
    const healthServices = chosen ? await this.healthServices.inBorough(chosen.code) : undefined;
    this.html(
      reply,
      catalogue,
      textPage({
        catalogue,
        languages: [...this.catalogues.values()],
        shelters: this.snapshot.current().shelters,
        borough,
        group: isGroup(group) ? group : null,
        now: new Date(),
        timeZone: this.options.timeZone,
        healthServices,
      }),
    );
  }

  @Get('print')
  print(
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const catalogue = this.catalogue(query.lang, acceptLanguage);
    this.html(
      reply,
      catalogue,
      printPage({
        catalogue,
        shelters: this.snapshot.current().shelters,
        mapUrl: this.mapUrl(request, catalogue.code),
        now: new Date(),
        timeZone: this.options.timeZone,
      }),
    );
  }

  @Get('shelters.geojson')
  geojson(@Res() reply: FastifyReply): void {
    const { serverTime, shelters } = this.snapshot.current();
    void reply
      .header('content-type', 'application/geo+json; charset=utf-8')
      .header('cache-control', 'public, max-age=30')
      .header('access-control-allow-origin', '*')
      .send(JSON.stringify(sheltersGeoJson(shelters, serverTime)));
  }

  private mapUrl(request: FastifyRequest, lang: string): string | null {
    const base =
      this.options.publicUrl ??
      (this.options.fromRequest ? `${request.protocol}://${request.host}` : null);
    return base ? `${base}/?lang=${lang}` : null;
  }

  private catalogue(lang: unknown, acceptLanguage: string | undefined): Catalogue {
    return catalogueFor(this.catalogues, lang, acceptLanguage);
  }

  private html(reply: FastifyReply, catalogue: Catalogue, page: string): void {
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-language', catalogue.code)
      .header('cache-control', 'public, max-age=30')
      .header('vary', 'accept-language')
      .send(page);
  }
}
