import { SEALED_FORM } from '@albergue/vault';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResidentSealer, type SealedField } from './resident-sealer.js';

/** Free-text columns that were plaintext before migration SealFreeText, and the field each seals as. */
const ONCE_PLAIN: { table: string; column: string; field: SealedField }[] = [
  { table: 'appointment', column: 'place_sealed', field: 'appointment.place' },
  { table: 'resident', column: 'asylum_office_sealed', field: 'resident.asylumOffice' },
  { table: 'resident_event', column: 'office_sealed', field: 'resident_event.office' },
];

/**
 * Seals what migration SealFreeText left in plaintext (it has no key), when the app starts and
 * before it serves; a no-op once done. Safe with several instances starting at once: the rows
 * are locked, and a row another instance sealed no longer matches.
 */
@Injectable()
export class FreeTextSealing implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: ResidentSealer,
  ) {}

  onApplicationBootstrap(): Promise<number> {
    return this.sealPlaintext();
  }

  /** How many values it sealed. */
  sealPlaintext(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      let sealed = 0;
      for (const { table, column, field } of ONCE_PLAIN) {
        const rows = await manager.query<{ id: string; value: string }[]>(
          `SELECT id::text AS id, ${column} AS value FROM ${table}
            WHERE ${column} IS NOT NULL AND ${column} !~ $1 FOR UPDATE`,
          [SEALED_FORM],
        );
        for (const row of rows) {
          await manager.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [
            row.id,
            this.sealer.seal(field, row.id, row.value),
          ]);
        }
        sealed += rows.length;
      }
      return sealed;
    });
  }
}
