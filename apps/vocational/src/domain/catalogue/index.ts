// Public API of the national vocational catalogue (职业教育专业目录 2021).
export { levelOfCode, categoryOf, classOf, categoryName, isCodeShape, VOCATIONAL_LEVELS, FIRST_CATEGORY, MAJOR_CATEGORY_NAMES, CATEGORIES_PER_LEVEL, LEVEL_ALIASES } from './levels.ts';
export type { VocationalLevel } from './levels.ts';
export { catalogueOf, checkCatalogueCode } from './catalogue.ts';
export type { Catalogue, CatalogueEntry, CatalogueCodeError, CatalogueCodeOptions, CheckedCode } from './catalogue.ts';
export { parseCatalogueRecords, checkCatalogueEntries, checkCatalogueEntry, CATALOGUE_COLUMNS } from './parse.ts';
export type { CatalogueRowProblem, ParsedCatalogue, CatalogueRecord } from './parse.ts';
