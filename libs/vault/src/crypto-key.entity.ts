import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The ids (fingerprints, never the keys) of the keys that sealed data in this database, so that a
 * start without one of them is refused instead of failing on the first read.
 */
@Entity()
export class CryptoKey {
  @PrimaryColumn({ type: 'text' })
  keyId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
