import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { NameTermKind } from './name-terms.js';

/**
 * The blind index of residents' names: one row per distinct token and per distinct sound of a
 * name, each a keyed hash (FieldCipher.index), never the term. A table rather than an array
 * column on `resident`: a search is an equality look-up of a few hashes whose matches are
 * counted per resident (a btree and a GROUP BY), and writing the index leaves the resident row
 * alone. README, "Finding a person", says why and what it reveals.
 */
@Entity()
@Index('resident_name_index_resident_idx', ['residentId'])
export class ResidentNameIndex {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'resident_name_index_pk' })
  hmac: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'resident_name_index_pk' })
  @ForeignKey('Resident', { name: 'resident_name_index_resident_fk', onDelete: 'CASCADE' })
  residentId: string;

  @Column({ type: 'enum', enum: NameTermKind, enumName: 'name_term_kind' })
  kind: NameTermKind;
}
