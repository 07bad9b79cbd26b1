import { BOROUGHS, boroughByCode, findBorough, placeKey } from './boroughs.js';

describe('borough catalogue', () => {
  it("holds Mexico City's 16 alcaldías, each once, with codes that are stable ASCII", () => {
    const cdmx = BOROUGHS.filter((borough) => borough.state === 'CDMX');
    expect(cdmx).toHaveLength(16);
    expect(new Set(BOROUGHS.map((borough) => borough.code)).size).toBe(BOROUGHS.length);
    for (const borough of BOROUGHS) {
      expect(borough.code).toMatch(/^(cdmx|mex)-[a-z0-9-]+$/);
      expect(borough.code.startsWith(borough.state.toLowerCase())).toBe(true);
    }
  });

  it('places every centre in the metropolitan area (no swapped or mistyped coordinate)', () => {
    for (const { code, centre } of BOROUGHS) {
      expect({ code, lat: centre.lat > 19.0 && centre.lat < 19.9 }).toEqual({ code, lat: true });
      expect({ code, lng: centre.lng > -99.5 && centre.lng < -98.7 }).toEqual({ code, lng: true });
    }
  });

  it('gives no two boroughs the same name or alias once accents and case are gone', () => {
    const keys = BOROUGHS.flatMap((borough) => [
      ...new Set([borough.name, borough.code, ...borough.aliases].map(placeKey)),
    ]);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('finds a borough as people write it, and nothing for what names none', () => {
    expect(findBorough('GAM')?.code).toBe('cdmx-gustavo-a-madero');
    expect(findBorough('gustavo a madero')?.code).toBe('cdmx-gustavo-a-madero');
    expect(findBorough('Cuauhtemoc')?.code).toBe('cdmx-cuauhtemoc');
    expect(findBorough('  Alcaldía  CUAUHTÉMOC ')?.code).toBe('cdmx-cuauhtemoc');
    expect(findBorough('Delegación Iztapalapa')?.code).toBe('cdmx-iztapalapa');
    expect(findBorough('neza')?.code).toBe('mex-nezahualcoyotl');
    expect(findBorough('cdmx-tlalpan')?.name).toBe('Tlalpan');
    expect(findBorough('Roma Norte')).toBeUndefined();
    expect(findBorough('')).toBeUndefined();
    expect(findBorough('constructor')).toBeUndefined();
  });

  it('looks codes up exactly', () => {
    expect(boroughByCode('cdmx-coyoacan')?.name).toBe('Coyoacán');
    expect(boroughByCode('Coyoacán')).toBeUndefined();
    expect(boroughByCode('__proto__')).toBeUndefined();
  });
});
