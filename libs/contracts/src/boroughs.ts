/**
 * The places a shelter is in: Mexico City's 16 alcaldías and the municipalities of the State of
 * Mexico around it where shelters are or may open. Public facts kept as data: shelters reference a
 * borough by `code`, the finder draws `name` at `centre` when the map has no background, `/text`
 * groups by it, and text messages match what a person typed against `name` and `aliases`.
 *
 * Source: names as in INEGI's catalogue of states and municipalities (Catálogo Único de Claves
 * de Áreas Geoestadísticas Estatales, Municipales y Localidades, public information under INEGI's
 * free-use terms). Centres typed in by hand: a point inside each borough's populated part, good to
 * about a kilometre, for a label a person can tap near; never a boundary and never a distance.
 * Aliases: other spellings and short forms of the borough's own name (GAM, Neza), never a
 * neighbourhood's: a neighbourhood name can exist in two boroughs.
 */
export interface Borough {
  /** Stable, URL-safe and ASCII: `cdmx-cuauhtemoc`, `mex-nezahualcoyotl`. */
  code: string;
  /** As written officially, with its accents. */
  name: string;
  state: 'CDMX' | 'MEX';
  centre: { lat: number; lng: number };
  /** Other ways it is written or said; matched without accents or case. */
  aliases: readonly string[];
}

const place = (
  code: string,
  name: string,
  lat: number,
  lng: number,
  aliases: readonly string[] = [],
): Borough => ({
  code,
  name,
  state: code.startsWith('cdmx-') ? 'CDMX' : 'MEX',
  centre: { lat, lng },
  aliases,
});

export const BOROUGHS: readonly Borough[] = [
  place('cdmx-alvaro-obregon', 'Álvaro Obregón', 19.358, -99.213),
  place('cdmx-azcapotzalco', 'Azcapotzalco', 19.487, -99.186, ['Azcapo']),
  place('cdmx-benito-juarez', 'Benito Juárez', 19.381, -99.161, ['BJ']),
  place('cdmx-coyoacan', 'Coyoacán', 19.338, -99.152),
  place('cdmx-cuajimalpa', 'Cuajimalpa de Morelos', 19.358, -99.292, ['Cuajimalpa']),
  place('cdmx-cuauhtemoc', 'Cuauhtémoc', 19.433, -99.146),
  place('cdmx-gustavo-a-madero', 'Gustavo A. Madero', 19.482, -99.113, ['GAM', 'Gustavo Madero']),
  place('cdmx-iztacalco', 'Iztacalco', 19.396, -99.097),
  place('cdmx-iztapalapa', 'Iztapalapa', 19.357, -99.067),
  place('cdmx-magdalena-contreras', 'La Magdalena Contreras', 19.318, -99.238, [
    'Magdalena Contreras',
    'Contreras',
  ]),
  place('cdmx-miguel-hidalgo', 'Miguel Hidalgo', 19.427, -99.199),
  place('cdmx-milpa-alta', 'Milpa Alta', 19.192, -99.023),
  place('cdmx-tlahuac', 'Tláhuac', 19.287, -99.006),
  place('cdmx-tlalpan', 'Tlalpan', 19.283, -99.17),
  place('cdmx-venustiano-carranza', 'Venustiano Carranza', 19.43, -99.098, ['V. Carranza']),
  place('cdmx-xochimilco', 'Xochimilco', 19.257, -99.103),
  place('mex-atizapan', 'Atizapán de Zaragoza', 19.559, -99.254, ['Atizapán']),
  place('mex-chalco', 'Chalco', 19.264, -98.897, ['Chalco de Díaz Covarrubias']),
  place('mex-chimalhuacan', 'Chimalhuacán', 19.422, -98.952),
  place('mex-coacalco', 'Coacalco de Berriozábal', 19.63, -99.11, ['Coacalco']),
  place('mex-cuautitlan-izcalli', 'Cuautitlán Izcalli', 19.647, -99.246, ['Izcalli']),
  place('mex-ecatepec', 'Ecatepec de Morelos', 19.601, -99.05, ['Ecatepec']),
  place('mex-huixquilucan', 'Huixquilucan', 19.36, -99.35),
  place('mex-ixtapaluca', 'Ixtapaluca', 19.319, -98.882),
  place('mex-la-paz', 'La Paz', 19.36, -98.98, ['Los Reyes', 'Los Reyes La Paz']),
  place('mex-naucalpan', 'Naucalpan de Juárez', 19.479, -99.24, ['Naucalpan']),
  place('mex-nezahualcoyotl', 'Nezahualcóyotl', 19.401, -99.015, ['Neza', 'Ciudad Nezahualcóyotl']),
  place('mex-tecamac', 'Tecámac', 19.713, -98.968),
  place('mex-texcoco', 'Texcoco', 19.514, -98.883),
  place('mex-tlalnepantla', 'Tlalnepantla de Baz', 19.54, -99.195, ['Tlalnepantla', 'Tlalne']),
  place('mex-tultitlan', 'Tultitlán', 19.645, -99.169),
  place('mex-valle-de-chalco', 'Valle de Chalco Solidaridad', 19.295, -98.94, ['Valle de Chalco']),
];

/** Every borough's code, as inputs check them (`@IsIn(BOROUGH_CODES)`). */
export const BOROUGH_CODES: readonly string[] = /* @__PURE__ */ BOROUGHS.map(
  (borough) => borough.code,
);

/** Lower case, without accents, marks or repeated spaces: how names and what people type meet. */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(alcaldia|delegacion|municipio de|municipio) /, '');
}

const BY_KEY = new Map<string, Borough>(
  BOROUGHS.flatMap((borough) =>
    [borough.name, borough.code, ...borough.aliases].map(
      (text) => [placeKey(text), borough] as const,
    ),
  ),
);
const BY_CODE = new Map(BOROUGHS.map((borough) => [borough.code, borough]));

/** The borough a code names; undefined for an unknown code. */
export function boroughByCode(code: string): Borough | undefined {
  return BY_CODE.get(code);
}

/**
 * The borough a text names exactly (its name, code or an alias, in any case and with or without
 * accents: "GAM", "cuauhtemoc", "Alcaldía Cuauhtémoc"); undefined when it names none. No guessing
 * beyond that: a wrong borough sends a person to the wrong side of the city.
 */
export function findBorough(text: string): Borough | undefined {
  return BY_KEY.get(placeKey(text));
}
