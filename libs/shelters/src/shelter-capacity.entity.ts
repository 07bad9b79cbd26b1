import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Shelter } from './shelter.entity.js';
import { Population } from './shelters.enums.js';

/**
 * The current figures of one population group in one shelter. In counts mode staff report them;
 * in beds mode (occupancy engine) they are derived from beds, holds and stays in the same
 * transaction that moves a bed. Either way, maps and searches read only this table.
 */
@Entity()
@Check('shelter_capacity_beds_check', 'free_beds >= 0 AND free_beds <= total_beds')
@Check('shelter_capacity_overflow_check', 'overflow_free >= 0 AND overflow_free <= overflow_total')
@Check('shelter_capacity_held_check', 'held >= 0')
export class ShelterCapacity {
  @PrimaryColumn({ type: 'uuid' })
  shelterId: string;

  @PrimaryColumn({ type: 'enum', enum: Population, enumName: 'population' })
  population: Population;

  @ManyToOne(() => Shelter, (shelter) => shelter.capacities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shelter_id' })
  shelter?: Shelter;

  /** Regular places: beds, bunks, cribs. */
  @Column({ type: 'integer', default: 0 })
  totalBeds: number;

  @Column({ type: 'integer', default: 0 })
  freeBeds: number;

  /** Places set up when regular beds run out (mats in a hall), counted apart. */
  @Column({ type: 'integer', default: 0 })
  overflowTotal: number;

  @Column({ type: 'integer', default: 0 })
  overflowFree: number;

  /**
   * Counts mode: regular places held for people on the way (open holds without a bed), already
   * taken from `freeBeds`. A staff report says what is physically free; the held places are kept
   * apart from it (CountsPlacesService).
   */
  @Column({ type: 'integer', default: 0 })
  held: number;
}
