import { loadCatalogues } from '@albergue/i18n';
import { type DynamicModule, Module } from '@nestjs/common';
import {
  CATALOGUES,
  PUBLIC_PAGES_OPTIONS,
  type PublicPagesOptions,
  PublicPagesController,
} from './public-pages.controller.js';

/** `/text`, `/print` and `/shelters.geojson`; needs the realtime module's public snapshot. */
@Module({})
export class PublicPagesModule {
  static forRoot(options: PublicPagesOptions): DynamicModule {
    return {
      module: PublicPagesModule,
      controllers: [PublicPagesController],
      providers: [
        { provide: CATALOGUES, useFactory: loadCatalogues },
        { provide: PUBLIC_PAGES_OPTIONS, useValue: options },
      ],
    };
  }
}
