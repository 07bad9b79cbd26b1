import { loadCatalogues } from '@albergue/i18n';
import { type DynamicModule, Module } from '@nestjs/common';
import { NeedsPagesController } from './needs-pages.controller.js';
import { ProblemReportsController } from './problem-reports.controller.js';
import {
  CATALOGUES,
  PUBLIC_PAGES_OPTIONS,
  type PublicPagesOptions,
  PublicPagesController,
} from './public-pages.controller.js';

/** `/text`, `/print`, `/shelters.geojson`, `/needs`, and the public's problem reports. */
@Module({})
export class PublicPagesModule {
  /**
   * `realtime`: the configured realtime module, whose public snapshot the pages are made from;
   * `shelters`: the configured shelters module, which counts the reports; `referrals`: the
   * configured referrals module, whose public read lists health services on `/text`;
   * `supplies`: the configured supplies module, whose public read gives `/needs`.
   */
  static forRoot(
    options: PublicPagesOptions,
    realtime: DynamicModule,
    shelters: DynamicModule,
    referrals: DynamicModule,
    supplies: DynamicModule,
  ): DynamicModule {
    return {
      module: PublicPagesModule,
      imports: [realtime, shelters, referrals, supplies],
      controllers: [PublicPagesController, NeedsPagesController, ProblemReportsController],
      providers: [
        { provide: CATALOGUES, useFactory: loadCatalogues },
        { provide: PUBLIC_PAGES_OPTIONS, useValue: options },
      ],
    };
  }
}
