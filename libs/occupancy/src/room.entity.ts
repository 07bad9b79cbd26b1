import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** A room or area of a shelter (Dorm B, the hall): beds belong to one; a household is placed in one when it can be. */
@ObjectType()
@Entity()
@Index('room_shelter_name_idx', ['shelterId', 'name'], { unique: true })
export class Room {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'room_shelter_fk' })
  shelterId: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
