import { Public } from '@albergue/common';
import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { DATABASE_HEALTH } from '../database/database-health.token.js';
import type { DatabaseHealth } from '../database/embedded-supervisor.js';
import { DatabaseSignals } from '../realtime/database-signals.js';
import { PublicGateway } from '../realtime/public.gateway.js';
import { StaffGateway } from '../realtime/staff.gateway.js';

const PROBE_TIMEOUT_MS = 2_000;

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_HEALTH) private readonly databaseHealth: () => DatabaseHealth,
    // Absent when the app runs without its servers (command-line tools).
    @Optional() private readonly maps?: PublicGateway,
    @Optional() private readonly signals?: DatabaseSignals,
    @Optional() private readonly staff?: StaffGateway,
  ) {}

  /**
   * 200 when PostgreSQL answers, 503 when it does not (or not within two seconds); with what the
   * embedded PostgreSQL's supervisor is doing (`supervised: false` for a server of the
   * operator's), and the realtime layer's state: whether this instance listens to the database,
   * and its map sockets.
   */
  @Get()
  async check(@Res() reply: FastifyReply): Promise<void> {
    const ok = await Promise.race([
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref()),
    ]);
    await reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({
        status: ok ? 'ok' : 'unavailable',
        database: this.databaseHealth(),
        ...(this.maps && this.signals
          ? {
              realtime: {
                listening: this.signals.listening,
                ...this.maps.stats(),
                ...this.staff?.stats(),
              },
            }
          : {}),
      });
  }
}
