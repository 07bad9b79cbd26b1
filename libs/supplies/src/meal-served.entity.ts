import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { MealKind } from './supplies.enums.js';

/**
 * A meal served at a shelter on a day (in TIME_ZONE), and to how many people. A shelter that
 * serves lunch in two sittings records two rows; figures add them. The food cooked for it, when
 * recorded with it, is its COOKED movements (`StockMovement.mealId`).
 */
@Entity()
@Index('meal_served_shelter_day_idx', ['shelterId', 'day'])
export class MealServed {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'meal_served_shelter_fk' })
  shelterId: string;

  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'enum', enum: MealKind, enumName: 'meal_kind' })
  kind: MealKind;

  @Column({ type: 'integer' })
  people: number;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
