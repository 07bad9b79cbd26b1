import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A user's place on the staff of one health service (a clinic, a mobile clinic): the scope of
 * role SERVICE_STAFF, beside shelters' memberships. Service staff receive the referrals sent to
 * their service and report its capacity; they hold no shelter role through it.
 */
@ObjectType()
@Entity()
@Index('service_membership_service_idx', ['serviceId'])
export class ServiceMembership {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('User', { name: 'service_membership_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('HealthService', { name: 'service_membership_service_fk', onDelete: 'CASCADE' })
  serviceId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
