import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Days of food left at a shelter on a day (TIME_ZONE), as last looked at that day: the figures'
 * "days of food left over time". Written by every look of SupplyAlerts (after stock acts, and by
 * the minute job), one row per shelter and day, the day's last look winning.
 */
@Entity()
export class SupplyFoodDay {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'supply_food_day_shelter_fk' })
  shelterId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  /** Null: neither way could say (nobody present and nothing used). */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  daysLeft: string | null;

  @Column({ type: 'numeric', precision: 16, scale: 1 })
  kcal: string;

  @Column({ type: 'integer' })
  people: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
