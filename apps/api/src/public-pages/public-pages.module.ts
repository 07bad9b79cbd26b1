import { loadCatalogues } from '@albergue/i18n';
import { type DynamicModule, Module } from '@nestjs/common';
import {
  CATALOGUES,
  PUBLIC_PAGES_OPTIONS,
  type PublicPagesOptions,
  PublicPagesController,
} from './public-pages.controller.js';

/** `/text`, `/print` and `/shelters.geojson`. */
@Module({})
export class PublicPagesModule {
  /** `realtime`: the configured realtime module, whose public snapshot the pages are made from. */
  static forRoot(options: PublicPagesOptions, realtime: DynamicModule): DynamicModule {
    return {
      module: PublicPagesModule,
      imports: [realtime],
      controllers: [PublicPagesController],
      providers: [
        { provide: CATALOGUES, useFactory: loadCatalogues },
        { provide: PUBLIC_PAGES_OPTIONS, useValue: options },
      ],
    };
  }
}
