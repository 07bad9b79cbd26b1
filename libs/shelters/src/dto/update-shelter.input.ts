import { InputType, PartialType } from '@nestjs/graphql';
import { ShelterFieldsInput } from './create-shelter.input.js';

/** Only the fields given change. A new `capacity` list replaces the old one; free places are kept up to the new totals. */
@InputType()
export class UpdateShelterInput extends PartialType(ShelterFieldsInput, InputType) {}
