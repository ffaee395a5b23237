import type { Application, PriorityCriterion } from './types.ts';

/**
 * Turns the priority criteria (data) into a tier number per application: 1 is the highest.
 *
 * Each criterion puts an application on one of a fixed number of levels (0 = best). The tier
 * is the mixed-radix number of those levels, plus one, so comparing tiers compares the
 * criteria lexicographically. Because the tier depends on the criteria and the application
 * only, an application has the same tier in every run and every batch. Tier numbers may
 * have gaps (a combination nobody has).
 */
export function compileTierOf(criteria: readonly PriorityCriterion[]): (application: Application) => number {
  for (const criterion of criteria) assertValid(criterion);
  const radices = criteria.map(levelCount);
  // Tiers are stored as 32-bit integers; no real policy comes anywhere near this.
  if (radices.reduce((product, r) => product * r, 1) > 2 ** 31 - 1) throw new RangeError('too many priority criteria: the tier numbers would overflow');
  return (application) => {
    let tier = 0;
    for (let i = 0; i < criteria.length; i++) {
      tier = tier * (radices[i] as number) + levelOf(criteria[i] as PriorityCriterion, application);
    }
    return tier + 1;
  };
}

function levelCount(criterion: PriorityCriterion): number {
  switch (criterion.kind) {
    case 'tenure':
    case 'attribute':
      return criterion.order.length + 1;
    case 'residenceMonths':
      return criterion.atLeastMonths.length + 1;
  }
}

function levelOf(criterion: PriorityCriterion, application: Application): number {
  switch (criterion.kind) {
    case 'tenure':
      return rankIn(criterion.order, application.tenure);
    case 'attribute': {
      const value = application.attributes?.[criterion.name];
      return value === undefined ? criterion.order.length : rankIn(criterion.order, value);
    }
    case 'residenceMonths': {
      const band = criterion.atLeastMonths.findIndex((min) => application.residenceMonths >= min);
      return band === -1 ? criterion.atLeastMonths.length : band;
    }
  }
}

function rankIn<T>(order: readonly T[], value: T): number {
  const index = order.indexOf(value);
  return index === -1 ? order.length : index;
}

function assertValid(criterion: PriorityCriterion): void {
  if (criterion.kind === 'residenceMonths') {
    const bands = criterion.atLeastMonths;
    // Bands must go from longest to shortest, or "longer residence first" would not hold.
    for (let i = 1; i < bands.length; i++) {
      if (!((bands[i - 1] as number) > (bands[i] as number))) {
        throw new RangeError(`residenceMonths bands must be strictly decreasing, got [${bands.join(', ')}]`);
      }
    }
    return;
  }
  if (new Set(criterion.order).size !== criterion.order.length) {
    throw new RangeError(`priority criterion '${criterion.kind}' lists a value twice`);
  }
}
