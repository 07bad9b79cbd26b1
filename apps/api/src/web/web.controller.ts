import { Public } from '@albergue/common';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/config.schema.js';

export interface PageConfig {
  /** Empty when tiles are off: the map still shows every shelter on a plain background. */
  tileUrl: string;
  tileAttribution: string;
  /**
   * TIME_ZONE: the console writes times and reads days and appointment times on its wall clock,
   * as the API does, whatever zone the device is set to.
   */
  timeZone: string;
}

/** Settings the pages need before they draw; nothing here is personal or secret. */
@Public()
@Controller()
export class WebController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('config.json')
  @Header('cache-control', 'public, max-age=300')
  pageConfig(): PageConfig {
    return {
      tileUrl: this.config.TILE_URL,
      tileAttribution: this.config.TILE_ATTRIBUTION,
      timeZone: this.config.TIME_ZONE,
    };
  }
}
