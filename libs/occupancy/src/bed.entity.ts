import { Population } from '@albergue/shelters';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { BedKind } from './occupancy.enums.js';

/**
 * One place to sleep. Whether it is free is not stored here: it is free when no active bed
 * assignment (a hold or a stay) holds it, which a unique index makes exclusive.
 */
@ObjectType()
@Entity()
@Index('bed_shelter_idx', ['shelterId'])
@Index('bed_room_label_idx', ['roomId', 'label'], { unique: true })
export class Bed {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'bed_shelter_fk' })
  shelterId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  @ForeignKey('Room', { name: 'bed_room_fk' })
  roomId: string;

  @Field(() => String)
  @Column({ type: 'text' })
  label: string;

  @Field(() => BedKind)
  @Column({ type: 'enum', enum: BedKind, enumName: 'bed_kind' })
  kind: BedKind;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  accessible: boolean;

  @Field(() => Population)
  @Column({ type: 'enum', enum: Population, enumName: 'population' })
  population: Population;

  /** Set up when regular beds run out (mats in a hall): counted apart. */
  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  overflow: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why the bed cannot be used now; null when in service.',
  })
  @Column({ type: 'text', nullable: true })
  outOfServiceReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
