/** The public contract portals and city systems are written against (see README). */
/** What the city asks of each institution, answered by all five subgraphs. */
const INSTITUTION_FIELDS = `
      id name level ownership
      licence { number status }
      seatPools { year grade capacity placed }
      kindergarten { places enrolled inclusive }
      programmes { code name annualIntake }
      satisfaction { ratings average }`;

export const CITY_QUESTION = `query CityQuestion {
  institutions(first: 50) {
    nodes {${INSTITUTION_FIELDS}
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ONE_INSTITUTION = `query($id: ID!) {
  institution(id: $id) {${INSTITUTION_FIELDS}
  }
}`;

export const REGISTER = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }`;

export interface CityInstitution {
  id: string;
  name: string;
  level: string;
  ownership: string;
  licence: { number: string; status: string } | null;
  seatPools: { year: number; grade: number; capacity: number; placed: number }[];
  kindergarten: { places: number; enrolled: number; inclusive: boolean } | null;
  programmes: { code: string; name: string; annualIntake: number }[];
  satisfaction: { ratings: number; average: number | null };
}

export interface CityAnswer {
  institutions: { nodes: CityInstitution[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
