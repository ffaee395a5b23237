/** The most places one kindergarten may be approved for; a typo guard, configurable later. */
export const MAX_PLACES = 2000;

export function checkPlaces(places: number, enrolled: number): string[] {
  if (!Number.isInteger(places) || places < 0 || places > MAX_PLACES) return [`places must be 0–${MAX_PLACES} (got ${places})`];
  if (places < enrolled) return [`places ${places} is below the ${enrolled} children enrolled; place those children elsewhere first`];
  return [];
}
