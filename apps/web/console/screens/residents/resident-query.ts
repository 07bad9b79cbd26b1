import { graphql, type ResultOf } from '../../graphql/graphql.js';

export const ResidentPageQuery = graphql(`
  query ResidentPage($id: ID!) {
    resident(id: $id) {
      id
      householdId
      currentShelterId
      name
      birthYear
      gender
      nationality
      languages
      phone
      notes
      vulnerabilities
      minor
      unaccompanied
      documents {
        comarFolio
        passport
        curp
        tvrhNumber
        tvrhExpiresOn
      }
      caseStatus
      asylumStatus
      asylumOffice
      caseNumber
      anonymised
      nextAsylumSteps
    }
    residentStays(residentId: $id) {
      id
      shelterName
      roomName
      bedLabel
      from
      to
    }
    residentHistory(residentId: $id) {
      kind
      from
      to
      at
      byName
      override
      reason
      office
    }
    residentAppointments(residentId: $id) {
      id
      kind
      startsAt
      place
      notes
      outcome
    }
  }
`);

export type ResidentPageData = ResultOf<typeof ResidentPageQuery>;
export type Resident = ResidentPageData['resident'];
export type AsylumStatusName = Resident['asylumStatus'];
export type CaseStatusName = Resident['caseStatus'];
export type Appointment = ResidentPageData['residentAppointments'][number];
