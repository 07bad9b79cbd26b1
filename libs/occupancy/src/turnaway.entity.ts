import { Population } from '@albergue/shelters';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TurnawayReason } from './occupancy.enums.js';

/** People turned away at the gate: a count, a group and why. No personal data. */
@ObjectType()
@Entity()
@Index('turnaway_shelter_at_idx', ['shelterId', 'at'])
export class Turnaway {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'turnaway_shelter_fk' })
  shelterId: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Field(() => Population)
  @Column({ type: 'enum', enum: Population, enumName: 'population' })
  population: Population;

  @Field(() => Int)
  @Column({ type: 'integer' })
  count: number;

  @Field(() => TurnawayReason)
  @Column({ type: 'enum', enum: TurnawayReason, enumName: 'turnaway_reason' })
  reason: TurnawayReason;

  @Column({ type: 'uuid' })
  byUserId: string;
}
