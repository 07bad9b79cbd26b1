import { NETWORK_ROLES, type NetworkRole, Role } from '@albergue/common';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Membership } from './membership.entity.js';

/** What a session still owes after the password (login's and me's answer). */
export enum SecondFactorStep {
  /** Signed in: nothing owed. */
  NONE = 'NONE',
  /** A code from the authenticator app, or a recovery code: verifySecondFactor. */
  REQUIRED = 'REQUIRED',
  /** A network role without a second factor: enrolSecondFactor, then confirmEnrolment. */
  ENROL = 'ENROL',
}

registerEnumType(SecondFactorStep, {
  name: 'SecondFactorStep',
  description: 'What a session still owes after the password.',
});

/** A staff account. The public side has none: migrants never need an account. */
@ObjectType()
@Entity({ name: 'app_user' })
@Index('app_user_email_idx', ['email'], { unique: true })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased and trimmed; the unique key for login. */
  @Field(() => String)
  @Column({ type: 'text' })
  email: string;

  @Field(() => String)
  @Column({ type: 'text' })
  displayName: string;

  /** es, ht, fr, en or pt: the console's language for this person. */
  @Field(() => String)
  @Column({ type: 'text', default: 'es' })
  preferredLanguage: string;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Role, {
    nullable: true,
    description: 'NETWORK_COORDINATOR or ADMIN; shelter roles are memberships.',
  })
  @Column({ type: 'enum', enum: NETWORK_ROLES, enumName: 'network_role', nullable: true })
  networkRole: NetworkRole | null;

  /** argon2id; null until the person sets a password with a one-time token. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @OneToMany('Membership', 'user')
  memberships?: Membership[];

  /** Set on login's and me's answer only (it belongs to the session asking, not the account). */
  @Field(() => SecondFactorStep, {
    nullable: true,
    description:
      'On login and me: what this session still owes (NONE, REQUIRED: verifySecondFactor, ENROL: enrolSecondFactor then confirmEnrolment); until then only those, me and logout work. Null elsewhere.',
  })
  secondFactor?: SecondFactorStep;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
