import { Type } from 'class-transformer';
import { IsLatitude, Max, ValidateNested } from 'class-validator';
import { CommonException } from './app.exception.js';
import { InputValidationPipe } from './input-validation.pipe.js';

class Point {
  @IsLatitude()
  lat: number;
}

class Input {
  @ValidateNested()
  @Type(() => Point)
  location: Point;

  @Max(10)
  beds: number;
}

describe(InputValidationPipe.name, () => {
  const sut = new InputValidationPipe();

  it('names every broken field by its path from the argument, and never the value', async () => {
    const error = await sut
      .transform(
        { location: { lat: 987.654 }, beds: 11 },
        { type: 'body', metatype: Input, data: 'input' },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommonException);
    expect((error as CommonException).fields).toEqual(['input.location.lat', 'input.beds']);
    expect((error as CommonException).message).not.toContain('987');
  });

  it('refuses fields the input does not declare', async () => {
    const error = await sut
      .transform(
        { location: { lat: 1 }, beds: 1, extra: 'x' },
        { type: 'body', metatype: Input, data: 'input' },
      )
      .catch((e: unknown) => e);
    expect((error as CommonException).fields).toEqual(['input.extra']);
  });

  it('passes valid input through as an instance of its class', async () => {
    const value = await sut.transform(
      { location: { lat: 19.4 }, beds: 3 },
      { type: 'body', metatype: Input, data: 'input' },
    );
    expect(value).toBeInstanceOf(Input);
  });
});
