import { Public } from '@albergue/common';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/config.schema.js';

export interface MapConfig {
  /** Empty when tiles are off: the map still shows every shelter on a plain background. */
  tileUrl: string;
  tileAttribution: string;
}

/** Settings the public page needs before it draws; nothing here is personal or secret. */
@Public()
@Controller()
export class WebController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('config.json')
  @Header('cache-control', 'public, max-age=300')
  mapConfig(): MapConfig {
    return { tileUrl: this.config.TILE_URL, tileAttribution: this.config.TILE_ATTRIBUTION };
  }
}
