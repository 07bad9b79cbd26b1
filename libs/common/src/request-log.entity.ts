import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per `requestId` a mutation has acted on, written in the mutation's own transaction,
 * so that a retried request finds the first one's result instead of acting twice.
 */
@Entity()
export class RequestLog {
  @PrimaryColumn({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  operation: string;

  /** sha256 of the request's input, to tell a retry from a reused id with other input. */
  @Column({ type: 'text' })
  payloadHash: string;

  @Column({ type: 'uuid', nullable: true })
  resultId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
