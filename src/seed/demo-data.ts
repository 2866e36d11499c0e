// Demo register for the commitment tracker: five fictional members, their action plans, and commitments on
// participatory digital governance. Everything below is invented for demonstration: the plans, commitments,
// milestones and contact persons are NOT real OGP commitments, and the people and e-mail addresses do not
// exist. Institution names are generic and illustrative.
//
// The data is written for "today" = 2026-11-24: ended plans are mostly complete, current plans mix finished,
// running and overdue milestones, and no milestone is completed after that date.

import type { DemoRegister } from './demo-data.types.js';

export const demoRegister: DemoRegister = {
  tags: [
    { slug: 'digital-governance', label: 'Digital governance' },
    { slug: 'digital-participation', label: 'Digital participation' },
    { slug: 'digital-transformation', label: 'Digital transformation' },
    { slug: 'data-stewardship-and-privacy', label: 'Data stewardship and privacy' },
    { slug: 'automated-decision-making', label: 'Automated decision-making' },
    { slug: 'open-data', label: 'Open data' },
    { slug: 'digital-id', label: 'Digital ID' },
    { slug: 'artificial-intelligence', label: 'Artificial intelligence' },
    { slug: 'public-procurement', label: 'Public procurement' },
    { slug: 'right-to-information', label: 'Right to information' },
  ],

  institutions: [
    // Kenya
    {
      key: 'ke-ict',
      name: 'Ministry of ICT and the Digital Economy',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'KEN',
    },
    {
      key: 'ke-odpc',
      name: 'Office of the Data Protection Commissioner',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'KEN',
    },
    {
      key: 'ke-parliament',
      name: 'National Assembly Committee on Communication and Innovation',
      type: 'PARLIAMENT',
      memberCode: 'KEN',
    },
    { key: 'ke-counties', name: 'Intergovernmental County Digital Forum', type: 'OTHER', memberCode: 'KEN' },
    {
      key: 'ke-civic',
      name: 'Kenya Civic Technology Network',
      type: 'CIVIL_SOCIETY_ORGANISATION',
      memberCode: 'KEN',
    },
    {
      key: 'ke-rights',
      name: 'Digital Rights Watch Kenya',
      type: 'CIVIL_SOCIETY_ORGANISATION',
      memberCode: 'KEN',
    },
    // Uruguay
    {
      key: 'uy-agency',
      name: 'National Agency for Digital Government',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'URY',
    },
    { key: 'uy-data', name: 'Personal Data Protection Unit', type: 'GOVERNMENT_AGENCY', memberCode: 'URY' },
    {
      key: 'uy-social',
      name: 'Ministry of Social Development',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'URY',
    },
    {
      key: 'uy-procurement',
      name: 'Public Procurement Regulatory Agency',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'URY',
    },
    {
      key: 'uy-cso',
      name: 'Open Data Network Uruguay',
      type: 'CIVIL_SOCIETY_ORGANISATION',
      memberCode: 'URY',
    },
    // Estonia
    {
      key: 'ee-ministry',
      name: 'Ministry of Justice and Digital Affairs',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'EST',
    },
    {
      key: 'ee-ria',
      name: 'State Information Systems Authority',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'EST',
    },
    { key: 'ee-chancellor', name: 'Office of the Chancellor of Justice', type: 'OTHER', memberCode: 'EST' },
    {
      key: 'ee-cso',
      name: 'Network of Estonian Civic Organisations',
      type: 'CIVIL_SOCIETY_ORGANISATION',
      memberCode: 'EST',
    },
    { key: 'ee-academia', name: 'Centre for Digital Society Research', type: 'ACADEMIA', memberCode: 'EST' },
    // Philippines
    {
      key: 'ph-dict',
      name: 'Department of Information and Communications Technology',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'PHL',
    },
    {
      key: 'ph-procurement',
      name: 'Government Procurement Policy Board',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'PHL',
    },
    { key: 'ph-cso', name: "Citizens' Digital Watch", type: 'CIVIL_SOCIETY_ORGANISATION', memberCode: 'PHL' },
    // Buenos Aires (local member)
    {
      key: 'bue-innovation',
      name: 'Secretariat of Innovation and Digital Transformation',
      type: 'GOVERNMENT_AGENCY',
      memberCode: 'ARBA',
    },
    { key: 'bue-legislature', name: 'City Legislature', type: 'PARLIAMENT', memberCode: 'ARBA' },
    { key: 'bue-ombudsman', name: "City Ombudsman's Office", type: 'GOVERNMENT_AGENCY', memberCode: 'ARBA' },
    {
      key: 'bue-cso',
      name: 'Buenos Aires Civic Lab',
      type: 'CIVIL_SOCIETY_ORGANISATION',
      memberCode: 'ARBA',
    },
    // International bodies
    { key: 'undp', name: 'United Nations Development Programme', type: 'MULTILATERAL' },
    { key: 'idb', name: 'Inter-American Development Bank', type: 'MULTILATERAL' },
  ],

  members: [
    // ---------------------------------------------------------------------------------------------------------
    {
      code: 'KEN',
      name: 'Kenya',
      type: 'NATIONAL',
      region: 'AFRICA_AND_THE_MIDDLE_EAST',
      actionPlans: [
        {
          sequenceNumber: 1,
          title: 'Kenya Open Government Action Plan 2021–2022',
          startDate: '2021-01-01',
          endDate: '2022-12-31',
          status: 'ENDED',
          coCreationLevel: 'CONSULT',
          implementationLevel: 'INVOLVE',
          participationOpenness: 'OPEN',
          forumMeetings: [
            {
              heldOn: '2021-02-15',
              governmentAttendees: 12,
              civilSocietyAttendees: 9,
              minutesUrl: 'https://example.org/ogp/ken/forum/2021-02-15-minutes.pdf',
            },
            {
              heldOn: '2021-06-22',
              governmentAttendees: 10,
              civilSocietyAttendees: 11,
              minutesUrl: 'https://example.org/ogp/ken/forum/2021-06-22-minutes.pdf',
            },
            {
              heldOn: '2021-11-03',
              governmentAttendees: 9,
              civilSocietyAttendees: 12,
              minutesUrl: 'https://example.org/ogp/ken/forum/2021-11-03-minutes.pdf',
            },
            { heldOn: '2022-03-17', governmentAttendees: 11, civilSocietyAttendees: 10 },
            {
              heldOn: '2022-07-26',
              governmentAttendees: 8,
              civilSocietyAttendees: 13,
              minutesUrl: 'https://example.org/ogp/ken/forum/2022-07-26-minutes.pdf',
            },
            {
              heldOn: '2022-11-29',
              governmentAttendees: 10,
              civilSocietyAttendees: 12,
              minutesUrl: 'https://example.org/ogp/ken/forum/2022-11-29-minutes.pdf',
            },
          ],
          commitments: [
            {
              code: 'KE0031',
              number: '1',
              title: 'Public participation in the review of the national digital master plan',
              problem:
                'The national digital master plan was drafted with little input from county governments, persons with disabilities and rural users, and its priorities are not publicly tracked.',
              causes:
                'Consultation on digital policy has relied on short online comment windows in English only, and there is no standing channel for civil society to follow implementation.',
              priorActions:
                'The ministry held two validation workshops in Nairobi in 2020 and published the draft plan for 14 days of comment.',
              solution:
                'Run a structured public consultation on the master plan review in all 47 counties, in English and Kiswahili, and publish a response report explaining how each submission was treated.',
              expectedResults:
                'A revised master plan whose priorities reflect county and user input, and a public record of how the ministry responded to every submission.',
              startDate: '2021-01-01',
              startDatePrecision: 'QUARTER',
              endDate: '2022-06-30',
              endDatePrecision: 'DAY',
              leadInstitution: 'ke-ict',
              supportingInstitutions: ['ke-counties', 'ke-civic', 'undp'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'Opens the review of national digital policy to residents of every county through hearings and written submissions.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification:
                    'Publishes the consultation schedule, the draft plan and a response report on every submission.',
                },
              ],
              tags: ['digital-governance', 'digital-participation', 'digital-transformation'],
              area: 'DIGITAL_STRATEGY_AND_POLICY',
              participationMechanism:
                'County public hearings and an online comment platform in English and Kiswahili',
              participationLevel: 'CONSULT',
              contact: {
                name: 'Njeri Wambui',
                title: 'Senior Digital Policy Officer',
                email: 'digital.poc@example.org',
                phone: '+254 20 000 0131',
              },
              milestones: [
                {
                  title: 'Publish the consultation plan and county hearing schedule',
                  deliverable: 'Consultation plan and hearing calendar published on the ministry portal',
                  startDate: '2021-01-01',
                  startDatePrecision: 'MONTH',
                  dueDate: '2021-03-31',
                  responsibleInstitution: 'ke-ict',
                  status: 'COMPLETE',
                  completedOn: '2021-03-26',
                },
                {
                  title: 'Hold public hearings on the master plan review in every county',
                  deliverable: 'One hearing report per county, published with attendance figures',
                  target: { indicator: 'Counties with a public hearing held', value: 47, unit: 'counties' },
                  startDate: '2021-04-01',
                  startDatePrecision: 'MONTH',
                  dueDate: '2021-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-counties',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2021-12-14',
                },
                {
                  title: 'Publish the response report on all submissions',
                  deliverable: "Response report listing each submission and the ministry's response to it",
                  dueDate: '2022-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'COMPLETE',
                  completedOn: '2022-02-28',
                },
                {
                  title: 'Submit the revised master plan to Cabinet with a participation annex',
                  deliverable:
                    'Revised master plan and participation annex published after Cabinet submission',
                  dueDate: '2022-06-30',
                  responsibleInstitution: 'ke-ict',
                  status: 'COMPLETE',
                  completedOn: '2022-06-21',
                },
              ],
            },
            {
              code: 'KE0032',
              number: '2',
              title: 'Co-design of national e-service journeys with county users',
              problem:
                'Users of the national e-services portal abandon applications for business permits and birth certificates at high rates, and help-desk complaints are not analysed.',
              causes:
                'Services were digitised by copying paper forms, without user research or testing with people who rely on feature phones or assisted-access centres.',
              priorActions:
                'A 2020 user survey by a civic-tech network identified the five services with the most complaints.',
              solution:
                'Form user panels in six counties to redesign the five services with the highest drop-out rates, test prototypes in assisted-access centres and publish the findings.',
              expectedResults:
                'Redesigned services with fewer abandoned applications, and a published user-research playbook for other agencies.',
              startDate: '2021-04-01',
              startDatePrecision: 'QUARTER',
              endDate: '2022-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ke-ict',
              supportingInstitutions: ['ke-civic', 'ke-counties'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Gives county user panels a direct role in redesigning national e-services.',
                },
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification:
                    'Introduces user research and prototype testing into government service delivery.',
                },
              ],
              tags: ['digital-participation', 'digital-transformation'],
              area: 'SERVICE_CO_DESIGN',
              participationMechanism: 'County user panels and usability testing in assisted-access centres',
              participationLevel: 'INVOLVE',
              links: [{ type: 'CO_DESIGNS', target: 'KE0031' }],
              milestones: [
                {
                  title: 'Recruit user panels in six counties',
                  deliverable: 'Panel terms of reference and anonymised composition published',
                  target: { indicator: 'County user panels formed', value: 6, unit: 'panels' },
                  startDate: '2021-04-01',
                  startDatePrecision: 'MONTH',
                  dueDate: '2021-07-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-civic',
                  status: 'COMPLETE',
                  completedOn: '2021-07-20',
                },
                {
                  title: 'Prototype and test the five redesigned services',
                  deliverable: 'Usability test report for each of the five services',
                  dueDate: '2022-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2022-04-12',
                },
                {
                  title: 'Launch the redesigned services on the national portal',
                  deliverable: 'Redesigned services live, with before-and-after completion rates published',
                  target: { indicator: 'Redesigned services live', value: 5, unit: 'services' },
                  dueDate: '2022-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish a user-research playbook for government agencies',
                  deliverable: 'Playbook published under an open licence',
                  dueDate: '2022-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-civic',
                  status: 'WITHDRAWN',
                },
              ],
            },
            {
              code: 'KE0033',
              number: '3',
              title: 'Public safeguards for the rollout of the new digital identity',
              problem:
                'The planned digital identity risks excluding people without birth documents, and the public has little information on how biometric data will be used.',
              causes:
                'The legal framework for the identity system was prepared without an inclusion impact assessment or public hearings, and data-sharing rules are not published.',
              priorActions:
                'Civil-society petitions in 2020 asked for a data protection impact assessment before rollout; a draft assessment was prepared but not published.',
              solution:
                'Publish the data protection impact assessment, hold public hearings on inclusion safeguards and adopt an exception procedure for people without documents.',
              expectedResults:
                'Fewer people excluded from services for lack of the identity credential, and a public record of how identity data may be used.',
              startDate: '2021-01-01',
              startDatePrecision: 'YEAR',
              endDate: '2022-12-31',
              leadInstitution: 'ke-ict',
              supportingInstitutions: ['ke-odpc', 'ke-rights'],
              values: [
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Publishes the impact assessment and the rules on sharing identity data.',
                },
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'Lets affected communities shape the inclusion safeguards through public hearings before rollout.',
                },
              ],
              tags: ['digital-id', 'data-stewardship-and-privacy'],
              area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
              participationMechanism:
                'Public hearings on the impact assessment and a written submissions window',
              participationLevel: 'CONSULT',
              milestones: [
                {
                  title: 'Publish the data protection impact assessment',
                  deliverable: 'Impact assessment published in full on the ministry portal',
                  dueDate: '2021-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'COMPLETE',
                  completedOn: '2021-05-28',
                },
                {
                  title: 'Hold public hearings on inclusion safeguards',
                  deliverable: 'Hearing reports and a summary of the safeguards proposed',
                  target: { indicator: 'Public hearings held', value: 12, unit: 'hearings' },
                  dueDate: '2021-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-rights',
                  status: 'COMPLETE',
                  completedOn: '2021-11-30',
                },
                {
                  title: 'Adopt an exception procedure for people without documents',
                  deliverable: 'Exception procedure issued and published in English and Kiswahili',
                  startDate: '2022-01-01',
                  startDatePrecision: 'QUARTER',
                  dueDate: '2022-07-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'ke-odpc',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2022-09-15',
                },
              ],
            },
            {
              code: 'KE0034',
              number: '4',
              title: 'Accessible redress for data protection complaints',
              problem:
                'People whose personal data is misused by public or private bodies rarely file complaints, and the few complaints filed take many months to resolve.',
              causes:
                'The complaints process is available only online in English, complainants cannot see the status of their case, and outcomes are not published.',
              priorActions:
                'The data protection regulator opened in late 2020 and began accepting complaints by e-mail.',
              solution:
                'Open an online and SMS complaint channel with case tracking, publish anonymised determinations and train county paralegals to help people file complaints.',
              expectedResults:
                'More complaints filed from outside Nairobi, shorter resolution times and a public body of determinations that guides data controllers.',
              startDate: '2021-04-01',
              startDatePrecision: 'MONTH',
              endDate: '2022-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ke-odpc',
              supportingInstitutions: ['ke-rights'],
              values: [
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification:
                    'Gives people an effective route to hold data controllers, including public bodies, to account.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification:
                    'Publishes anonymised determinations so that the public can see how the law is applied.',
                },
              ],
              tags: ['data-stewardship-and-privacy', 'right-to-information'],
              area: 'OVERSIGHT_AUDIT_AND_REDRESS',
              participationMechanism: 'Paralegal network and civil-society review of the complaint process',
              participationLevel: 'INVOLVE',
              contact: {
                name: 'Halima Abdi Noor',
                title: 'Head of Complaints and Investigations',
                email: 'redress.poc@example.org',
              },
              milestones: [
                {
                  title: 'Launch an online and SMS complaint channel with case tracking',
                  deliverable: 'Complaint channel live, with case status visible to complainants',
                  dueDate: '2021-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-odpc',
                  status: 'COMPLETE',
                  completedOn: '2021-10-18',
                },
                {
                  title: 'Publish anonymised determinations',
                  deliverable: 'Searchable register of anonymised determinations',
                  target: { indicator: 'Determinations published', value: 50, unit: 'determinations' },
                  dueDate: '2022-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-odpc',
                  status: 'COMPLETE',
                  completedOn: '2022-07-05',
                },
                {
                  title: 'Train county paralegals to assist complainants',
                  deliverable: 'Training curriculum and list of trained paralegals by county',
                  target: { indicator: 'Paralegals trained', value: 120, unit: 'people' },
                  dueDate: '2022-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-rights',
                  status: 'COMPLETE',
                  completedOn: '2022-11-22',
                },
                {
                  title: 'Publish quarterly complaint statistics by county',
                  deliverable: 'Quarterly dataset of complaints received and resolved, by county',
                  dueDate: '2022-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-odpc',
                  status: 'WITHDRAWN',
                },
              ],
            },
          ],
        },
        {
          sequenceNumber: 2,
          title: 'Kenya Open Government Action Plan 2024–2028',
          startDate: '2024-09-01',
          endDate: '2028-08-31',
          status: 'MIDTERM_REVIEW',
          coCreationLevel: 'INVOLVE',
          implementationLevel: 'COLLABORATE',
          participationOpenness: 'OPEN',
          forumMeetings: [
            {
              heldOn: '2024-10-08',
              governmentAttendees: 14,
              civilSocietyAttendees: 16,
              minutesUrl: 'https://example.org/ogp/ken/forum/2024-10-08-minutes.pdf',
            },
            {
              heldOn: '2025-02-19',
              governmentAttendees: 12,
              civilSocietyAttendees: 15,
              minutesUrl: 'https://example.org/ogp/ken/forum/2025-02-19-minutes.pdf',
            },
            {
              heldOn: '2025-06-25',
              governmentAttendees: 11,
              civilSocietyAttendees: 14,
              minutesUrl: 'https://example.org/ogp/ken/forum/2025-06-25-minutes.pdf',
            },
            {
              heldOn: '2025-11-05',
              governmentAttendees: 13,
              civilSocietyAttendees: 12,
              minutesUrl: 'https://example.org/ogp/ken/forum/2025-11-05-minutes.pdf',
            },
            { heldOn: '2026-03-18', governmentAttendees: 10, civilSocietyAttendees: 14 },
            {
              heldOn: '2026-07-22',
              governmentAttendees: 12,
              civilSocietyAttendees: 17,
              minutesUrl: 'https://example.org/ogp/ken/forum/2026-07-22-minutes.pdf',
            },
            { heldOn: '2026-11-10', governmentAttendees: 11, civilSocietyAttendees: 15 },
          ],
          commitments: [
            {
              code: 'KE0041',
              number: '1',
              title: 'Co-created digital transformation strategy with a public monitoring framework',
              problem:
                'The digital master plan expires in 2025, and there is no agreed set of public indicators to judge whether digital transformation improves services for citizens.',
              causes:
                'Strategy indicators have focused on infrastructure outputs, and civil society has had no formal role after the consultation stage.',
              priorActions:
                'The 2021 master plan review held hearings in every county and published a response report (commitment KE0031).',
              solution:
                'Co-create the next digital transformation strategy with a multi-stakeholder drafting group and publish an open indicator framework with annual public progress reviews.',
              expectedResults:
                'A strategy whose priorities and indicators are agreed with civil society and whose progress is reviewed in public every year.',
              startDate: '2024-09-01',
              startDatePrecision: 'MONTH',
              endDate: '2027-06-30',
              leadInstitution: 'ke-ict',
              supportingInstitutions: ['ke-civic', 'ke-parliament', 'undp'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Civil society holds half the seats of the group that drafts the strategy.',
                },
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification:
                    'Annual public reviews oblige the ministry to explain progress against each indicator.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Indicators, baselines and progress are published as open data.',
                },
              ],
              tags: ['digital-governance', 'digital-transformation', 'open-data'],
              area: 'DIGITAL_STRATEGY_AND_POLICY',
              participationMechanism:
                'Multi-stakeholder drafting group with equal government and civil-society seats',
              participationLevel: 'COLLABORATE',
              links: [{ type: 'CONTINUES', target: 'KE0031' }],
              contact: {
                name: 'Peter Mwangi Karanja',
                title: 'Director, Digital Strategy',
                email: 'strategy.poc@example.org',
                phone: '+254 20 000 0141',
              },
              milestones: [
                {
                  title: 'Constitute the multi-stakeholder drafting group',
                  deliverable: 'Gazette notice and terms of reference of the drafting group',
                  startDate: '2024-09-01',
                  startDatePrecision: 'MONTH',
                  dueDate: '2024-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'COMPLETE',
                  completedOn: '2024-11-27',
                },
                {
                  title: 'Publish the draft strategy for public comment',
                  deliverable: 'Draft strategy and comment form published for at least 30 days',
                  dueDate: '2025-07-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'ke-ict',
                  status: 'COMPLETE',
                  completedOn: '2025-09-02',
                },
                {
                  title: 'Publish the open indicator framework with baselines',
                  deliverable: 'Indicator framework dataset on the national open data portal',
                  target: {
                    indicator: 'Indicators with a published baseline',
                    value: 30,
                    unit: 'indicators',
                  },
                  dueDate: '2026-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Hold the first annual public progress review',
                  deliverable: 'Review report and recording of the public session',
                  dueDate: '2026-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-civic',
                  status: 'NOT_STARTED',
                },
                {
                  title: 'Hold the second annual public progress review',
                  deliverable: 'Review report with the ministry response to each recommendation',
                  dueDate: '2027-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-civic',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'KE0042',
              number: '2',
              title: 'Public consultation on a national framework for artificial intelligence',
              problem:
                'Public bodies and companies are deploying AI systems without national rules on transparency, risk or human oversight.',
              causes:
                'Existing data protection law does not address the risk classification of AI systems, and regulators lack a shared position.',
              priorActions:
                'A parliamentary committee received a proposal on AI regulation in 2024, and the ministry commissioned a background study.',
              solution:
                'Publish a green paper on AI regulation, consult the public and affected sectors through hearings and written submissions, and publish a white paper with the chosen approach and a response to submissions.',
              expectedResults:
                'AI rules that reflect public concerns, prepared through a documented and open process.',
              startDate: '2025-01-01',
              startDatePrecision: 'QUARTER',
              endDate: '2027-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ke-ict',
              supportingInstitutions: ['ke-parliament', 'ke-odpc', 'ke-rights'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'Sector hearings and written submissions inform the choice of regulatory approach.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'The green paper, all submissions and the response to them are published.',
                },
              ],
              tags: ['artificial-intelligence', 'automated-decision-making'],
              area: 'TECHNOLOGY_REGULATION',
              participationMechanism: 'Green paper consultation with sector hearings',
              participationLevel: 'CONSULT',
              milestones: [
                {
                  title: 'Publish a green paper on AI regulation',
                  deliverable: 'Green paper published with a call for written submissions',
                  dueDate: '2025-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'COMPLETE',
                  completedOn: '2025-06-30',
                },
                {
                  title: 'Hold sector hearings on the green paper',
                  deliverable:
                    'Hearing summaries for health, finance, education, agriculture and public services',
                  target: { indicator: 'Sector hearings held', value: 8, unit: 'hearings' },
                  dueDate: '2025-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-parliament',
                  status: 'COMPLETE',
                  completedOn: '2026-02-11',
                },
                {
                  title: 'Publish the response to submissions',
                  deliverable: 'Table of every submission with the government response',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Submit a white paper on AI regulation to Cabinet',
                  deliverable: 'White paper published after Cabinet submission',
                  dueDate: '2027-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  weight: 2,
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'KE0043',
              number: '3',
              title: 'Civil-society seats in the governance of digital public infrastructure',
              problem:
                'Decisions on the digital identity, the payments switch and the data exchange platform are taken by an inter-agency committee that publishes no agendas or minutes.',
              causes:
                'Governance of digital public infrastructure was set up as a technical project structure, with no role for users or independent experts.',
              priorActions:
                'Under the previous plan, an impact assessment for the digital identity was published and an exception procedure adopted (commitment KE0033).',
              solution:
                'Establish a digital public infrastructure governance council with civil-society and academic seats, publish its agendas and minutes, and adopt public-interest principles for new components.',
              expectedResults:
                'Decisions on shared digital infrastructure are taken in the open, with public-interest safeguards agreed before new components go live.',
              startDate: '2025-01-01',
              startDatePrecision: 'YEAR',
              endDate: '2028-06-30',
              leadInstitution: 'ke-ict',
              supportingInstitutions: ['ke-rights', 'ke-odpc', 'undp'],
              values: [
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification: 'Council decisions and their reasons are published and open to challenge.',
                },
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Civil society and academia hold voting seats on the governance council.',
                },
              ],
              tags: ['digital-id', 'digital-governance', 'data-stewardship-and-privacy'],
              area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
              participationMechanism: 'Governance council with reserved civil-society and academic seats',
              participationLevel: 'COLLABORATE',
              links: [{ type: 'CONTINUES', target: 'KE0033' }],
              contact: {
                name: 'Grace Atieno Odhiambo',
                title: 'Secretary, Digital Public Infrastructure Council',
                email: 'dpi.poc@example.org',
              },
              milestones: [
                {
                  title: 'Gazette the terms of reference of the governance council',
                  deliverable: 'Gazette notice naming the council members and their mandate',
                  dueDate: '2025-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'COMPLETE',
                  completedOn: '2025-05-14',
                },
                {
                  title: 'Publish agendas and minutes of every council meeting',
                  deliverable: 'Council page with agendas before and minutes after each meeting',
                  target: {
                    indicator: 'Share of meetings with minutes published within 30 days',
                    value: 100,
                    unit: 'percent',
                  },
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Adopt public-interest principles for new infrastructure components',
                  deliverable: 'Principles adopted by the council after public comment',
                  dueDate: '2026-10-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'ke-rights',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Commission an independent review of the council',
                  deliverable: 'Independent review report published',
                  dueDate: '2028-04-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'undp',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'KE0044',
              number: '4',
              title: 'Public register and audits of automated decision systems',
              problem:
                'Government agencies use automated systems to score tax risk, target social protection and allocate bursaries, but the public does not know which systems exist or how to challenge their decisions.',
              causes:
                'There is no obligation to disclose automated decision systems and no body charged with auditing them.',
              priorActions:
                'The data protection regulator issued guidance on automated decisions in 2023, but it does not require disclosure.',
              solution:
                'Publish a register of automated decision systems used by national agencies, commission independent audits of the three highest-risk systems and create a route for people to request human review.',
              expectedResults:
                'People know when an automated system affects them and can obtain human review, and audit findings are published and acted on.',
              startDate: '2025-01-01',
              startDatePrecision: 'QUARTER',
              endDate: '2028-08-31',
              leadInstitution: 'ke-odpc',
              supportingInstitutions: ['ke-ict', 'ke-rights', 'ke-civic'],
              values: [
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification:
                    'Independent audits and human review let people challenge automated decisions.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification:
                    'The register discloses which automated systems agencies use and for what purpose.',
                },
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Civil society agrees the register format and sits on the audit panel.',
                },
              ],
              tags: ['automated-decision-making', 'artificial-intelligence', 'right-to-information'],
              area: 'OVERSIGHT_AUDIT_AND_REDRESS',
              participationMechanism: 'Civil-society audit panel and public comment on the register format',
              participationLevel: 'INVOLVE',
              links: [{ type: 'MONITORS', target: 'KE0041' }],
              contact: {
                name: 'Daniel Kiprono Langat',
                title: 'Manager, Compliance and Audit',
                email: 'adm.register@example.org',
              },
              milestones: [
                {
                  title: 'Agree the register format with civil society',
                  deliverable: 'Register template and guidance published after public comment',
                  dueDate: '2025-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-odpc',
                  status: 'COMPLETE',
                  completedOn: '2025-07-10',
                },
                {
                  title: 'Publish the register of automated decision systems',
                  deliverable: 'Public online register with one entry per system',
                  target: { indicator: 'Agencies reporting to the register', value: 20, unit: 'agencies' },
                  dueDate: '2025-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-odpc',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Adopt a procedure to request human review of automated decisions',
                  deliverable: 'Procedure published and referenced in each register entry',
                  dueDate: '2026-07-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'ke-ict',
                  status: 'NOT_STARTED',
                },
                {
                  title: 'Audit the three highest-risk systems',
                  deliverable: 'Audit reports by independent auditors with a civil-society observer',
                  target: { indicator: 'Systems audited', value: 3, unit: 'systems' },
                  dueDate: '2027-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-odpc',
                  weight: 2,
                  status: 'NOT_STARTED',
                },
                {
                  title: 'Publish audit findings with agency responses',
                  deliverable: 'Findings and agency action plans published',
                  dueDate: '2028-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-odpc',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'KE0045',
              number: '5',
              title: 'Co-design of county digital services with residents',
              problem:
                'County governments are digitising revenue, health and trade licensing services separately, and residents are rarely consulted before systems are procured.',
              causes:
                'Counties lack user-research capacity and buy systems from vendors on feature lists rather than on resident needs.',
              priorActions:
                'User panels tested five national services in six counties under the previous plan (commitment KE0032).',
              solution:
                'Support ten counties to run resident co-design labs for one priority service each, using a shared service standard, and publish the designs as reusable open-source components.',
              expectedResults:
                'Ten county services designed with residents, and a shared standard that reduces duplicate procurement.',
              startDate: '2025-04-01',
              startDatePrecision: 'QUARTER',
              endDate: '2028-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ke-counties',
              supportingInstitutions: ['ke-ict', 'ke-civic', 'undp'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Residents design county services with officials in co-design labs.',
                },
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification: 'Produces reusable open-source service components shared across counties.',
                },
              ],
              tags: ['digital-participation', 'digital-transformation', 'public-procurement'],
              area: 'SERVICE_CO_DESIGN',
              participationMechanism: 'Resident co-design labs in ten counties',
              participationLevel: 'INVOLVE',
              links: [{ type: 'CO_DESIGNS', target: 'KE0041' }],
              milestones: [
                {
                  title: 'Adopt a shared county service standard',
                  deliverable: 'Service standard endorsed by the county forum and published',
                  dueDate: '2025-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-counties',
                  status: 'COMPLETE',
                  completedOn: '2025-10-03',
                },
                {
                  title: 'Issue county procurement guidance for digital services',
                  deliverable: 'Guidance note on buying services that meet the standard',
                  dueDate: '2026-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'WITHDRAWN',
                },
                {
                  title: 'Run resident co-design labs',
                  deliverable: 'Lab reports and service prototypes for each participating county',
                  target: { indicator: 'Counties running co-design labs', value: 10, unit: 'counties' },
                  startDate: '2025-10-01',
                  startDatePrecision: 'QUARTER',
                  dueDate: '2026-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-civic',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish the service designs as open-source components',
                  deliverable: 'Public code repository with the components and documentation',
                  dueDate: '2027-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ke-ict',
                  status: 'NOT_STARTED',
                },
              ],
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------------------------------------------------
    {
      code: 'URY',
      name: 'Uruguay',
      type: 'NATIONAL',
      region: 'AMERICAS',
      actionPlans: [
        {
          sequenceNumber: 1,
          title: 'Uruguay Open Government Action Plan 2023–2024',
          startDate: '2023-01-01',
          endDate: '2024-12-31',
          status: 'ENDED',
          coCreationLevel: 'INVOLVE',
          implementationLevel: 'CONSULT',
          participationOpenness: 'OPEN',
          forumMeetings: [
            {
              heldOn: '2023-02-09',
              governmentAttendees: 9,
              civilSocietyAttendees: 8,
              minutesUrl: 'https://example.org/ogp/ury/forum/2023-02-09-acta.pdf',
            },
            {
              heldOn: '2023-06-14',
              governmentAttendees: 8,
              civilSocietyAttendees: 10,
              minutesUrl: 'https://example.org/ogp/ury/forum/2023-06-14-acta.pdf',
            },
            {
              heldOn: '2023-10-19',
              governmentAttendees: 10,
              civilSocietyAttendees: 9,
              minutesUrl: 'https://example.org/ogp/ury/forum/2023-10-19-acta.pdf',
            },
            {
              heldOn: '2024-03-07',
              governmentAttendees: 7,
              civilSocietyAttendees: 9,
              minutesUrl: 'https://example.org/ogp/ury/forum/2024-03-07-acta.pdf',
            },
            {
              heldOn: '2024-07-11',
              governmentAttendees: 9,
              civilSocietyAttendees: 11,
              minutesUrl: 'https://example.org/ogp/ury/forum/2024-07-11-acta.pdf',
            },
            { heldOn: '2024-11-21', governmentAttendees: 8, civilSocietyAttendees: 10 },
          ],
          commitments: [
            {
              code: 'UY0101',
              number: '1.1',
              title: 'Participatory update of the national digital agenda',
              problem:
                'The digital agenda is updated every five years by government bodies alone, and its goals are little known outside specialist circles.',
              causes:
                'There has been no structured way for citizens and organisations outside the capital to propose or prioritise digital goals.',
              priorActions:
                'The previous agenda was discussed with an advisory council of industry and academia in 2020.',
              solution:
                'Run an open online and in-person process in every department to collect and prioritise proposals for the agenda update, and publish how each proposal was used.',
              expectedResults:
                'A digital agenda with goals proposed or endorsed by the public, and a traceable record of how contributions shaped it.',
              startDate: '2023-01-01',
              startDatePrecision: 'QUARTER',
              endDate: '2024-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'uy-agency',
              supportingInstitutions: ['uy-cso', 'idb'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Anyone can propose and vote on goals for the national digital agenda.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'A traceability report shows what happened to each public proposal.',
                },
              ],
              tags: ['digital-governance', 'digital-participation'],
              area: 'DIGITAL_STRATEGY_AND_POLICY',
              participationMechanism: 'Online proposals platform and departmental workshops',
              participationLevel: 'INVOLVE',
              contact: {
                name: 'Lucía Fernández Sosa',
                title: 'Digital Agenda Coordinator',
                email: 'agenda.digital@example.org',
                phone: '+598 2 000 0101',
              },
              milestones: [
                {
                  title: 'Open the online proposals platform',
                  deliverable: 'Platform live with rules of participation published',
                  dueDate: '2023-04-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'COMPLETE',
                  completedOn: '2023-03-30',
                },
                {
                  title: 'Hold in-person workshops in every department',
                  deliverable: 'Workshop reports with the proposals collected',
                  target: {
                    indicator: 'Departments with an in-person workshop',
                    value: 19,
                    unit: 'departments',
                  },
                  startDate: '2023-04-01',
                  startDatePrecision: 'MONTH',
                  dueDate: '2023-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-cso',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2023-11-08',
                },
                {
                  title: 'Publish the traceability report on public proposals',
                  deliverable: 'Report and dataset linking each proposal to its outcome',
                  dueDate: '2024-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'COMPLETE',
                  completedOn: '2024-03-20',
                },
                {
                  title: 'Approve the updated digital agenda',
                  deliverable: 'Digital agenda published after approval',
                  dueDate: '2024-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'COMPLETE',
                  completedOn: '2024-10-15',
                },
              ],
            },
            {
              code: 'UY0102',
              number: '1.2',
              title: 'Open consultation on guidelines for artificial intelligence and personal data',
              problem:
                'Public and private bodies lack clear rules on how personal data may be used to train and operate AI systems.',
              causes:
                'Data protection law predates widespread use of AI, and the regulator had not issued guidance.',
              priorActions: 'The data protection regulator published a discussion note on AI in 2022.',
              solution:
                'Draft guidelines on AI and personal data with an open consultation and a technical working group of academia and civil society, and publish the consultation results.',
              expectedResults:
                'Guidelines that clarify obligations for AI systems and reflect the concerns raised by the public.',
              startDate: '2023-04-01',
              startDatePrecision: 'QUARTER',
              endDate: '2024-12-31',
              leadInstitution: 'uy-data',
              supportingInstitutions: ['uy-agency', 'uy-cso'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'The guidelines are drafted with a working group and opened to public comment.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'All comments received and the regulator responses are published.',
                },
              ],
              tags: ['artificial-intelligence', 'data-stewardship-and-privacy'],
              area: 'TECHNOLOGY_REGULATION',
              participationMechanism: 'Open online consultation and a technical working group',
              participationLevel: 'CONSULT',
              milestones: [
                {
                  title: 'Set up the technical working group',
                  deliverable: 'Working group resolution and member list published',
                  dueDate: '2023-07-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-data',
                  status: 'COMPLETE',
                  completedOn: '2023-06-29',
                },
                {
                  title: 'Open the draft guidelines to public consultation',
                  deliverable: 'Draft guidelines published with an online comment form',
                  target: { indicator: 'Days open for comment', value: 45, unit: 'days' },
                  dueDate: '2024-01-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'uy-data',
                  status: 'COMPLETE',
                  completedOn: '2024-02-16',
                },
                {
                  title: 'Publish the consultation report and final guidelines',
                  deliverable: 'Final guidelines and a report answering each comment',
                  dueDate: '2024-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-data',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2024-12-03',
                },
              ],
            },
            {
              code: 'UY0103',
              number: '2.1',
              title: 'Pilot register of algorithms used by the central administration',
              problem:
                'Citizens cannot find out which algorithms are used to make or support decisions about them, such as eligibility for benefits or the targeting of inspections.',
              causes:
                'No agency is required to document or disclose algorithmic systems, and there is no common format for doing so.',
              priorActions:
                'The national AI strategy adopted in 2020 called for algorithmic transparency but set no mechanism.',
              solution:
                'Design a standard for describing algorithmic systems with civil society, pilot a public register with five agencies and evaluate the pilot in public.',
              expectedResults:
                'A tested register format, and an evaluation that informs a mandatory register.',
              startDate: '2023-07-01',
              startDatePrecision: 'SEMESTER',
              endDate: '2024-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'uy-agency',
              supportingInstitutions: ['uy-cso', 'uy-data'],
              values: [
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification: 'Agencies must describe and answer for the algorithms they use.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification:
                    'The register discloses the purpose, data and logic of each algorithmic system.',
                },
              ],
              tags: ['automated-decision-making', 'open-data', 'right-to-information'],
              area: 'OVERSIGHT_AUDIT_AND_REDRESS',
              participationMechanism: 'Co-drafting of the register standard with civil society',
              participationLevel: 'COLLABORATE',
              links: [{ type: 'MONITORS', target: 'UY0101' }],
              contact: {
                name: 'Martín Pereira Acosta',
                title: 'Head of Data and Algorithms',
                email: 'algoritmos.poc@example.org',
              },
              milestones: [
                {
                  title: 'Co-draft the register standard',
                  deliverable: 'Register standard published with a worked example',
                  startDate: '2023-07-01',
                  startDatePrecision: 'MONTH',
                  dueDate: '2023-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-cso',
                  status: 'COMPLETE',
                  completedOn: '2023-12-12',
                },
                {
                  title: 'Pilot the register with five agencies',
                  deliverable: 'Public register with entries from the pilot agencies',
                  target: { indicator: 'Agencies publishing register entries', value: 5, unit: 'agencies' },
                  dueDate: '2024-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2024-08-22',
                },
                {
                  title: 'Offer the register through an open API',
                  deliverable: 'Documented API serving the register entries',
                  dueDate: '2024-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'WITHDRAWN',
                },
                {
                  title: 'Publish the evaluation of the pilot',
                  deliverable: 'Evaluation report with recommendations for a mandatory register',
                  dueDate: '2024-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-cso',
                  status: 'COMPLETE',
                  completedOn: '2024-12-18',
                },
              ],
            },
            {
              code: 'UY0104',
              number: '2.2',
              title: 'Co-design of the social benefits application service',
              problem:
                'Applying for social benefits online takes several separate forms, and many applicants must still visit an office.',
              causes:
                'Each benefit was digitised by a different unit without testing with applicants, older people or people with disabilities.',
              priorActions:
                'An accessibility audit in 2022 found that the main application forms failed basic accessibility checks.',
              solution:
                'Redesign the benefits application as a single service with applicants and disability organisations, and test it before launch.',
              expectedResults:
                'A single accessible application service that more people complete online without help.',
              startDate: '2023-04-01',
              startDatePrecision: 'MONTH',
              endDate: '2024-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'uy-social',
              supportingInstitutions: ['uy-agency', 'uy-cso'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'Applicants and disability organisations take part in designing and testing the service.',
                },
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification: 'Replaces several digitised paper forms with one accessible online service.',
                },
              ],
              tags: ['digital-participation', 'digital-transformation'],
              area: 'SERVICE_CO_DESIGN',
              participationMechanism: 'Co-design sessions with applicants and disability organisations',
              participationLevel: 'INVOLVE',
              links: [{ type: 'CO_DESIGNS', target: 'UY0101' }],
              milestones: [
                {
                  title: 'Carry out user research with applicants',
                  deliverable: 'Research report with anonymised findings',
                  target: { indicator: 'Applicants interviewed', value: 60, unit: 'people' },
                  dueDate: '2023-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-social',
                  status: 'COMPLETE',
                  completedOn: '2023-09-29',
                },
                {
                  title: 'Test the prototype with applicants and disability organisations',
                  deliverable: 'Usability and accessibility test report',
                  dueDate: '2024-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'COMPLETE',
                  completedOn: '2024-04-05',
                },
                {
                  title: 'Launch the single application service',
                  deliverable: 'Service live for all benefits, with completion rates published',
                  dueDate: '2024-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-social',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
              ],
            },
          ],
        },
        {
          sequenceNumber: 2,
          title: 'Uruguay Open Government Action Plan 2025–2026',
          startDate: '2025-01-01',
          endDate: '2026-12-31',
          status: 'IMPLEMENTING',
          coCreationLevel: 'COLLABORATE',
          implementationLevel: 'INVOLVE',
          participationOpenness: 'OPEN',
          forumMeetings: [
            {
              heldOn: '2025-02-20',
              governmentAttendees: 10,
              civilSocietyAttendees: 12,
              minutesUrl: 'https://example.org/ogp/ury/forum/2025-02-20-acta.pdf',
            },
            {
              heldOn: '2025-07-03',
              governmentAttendees: 9,
              civilSocietyAttendees: 11,
              minutesUrl: 'https://example.org/ogp/ury/forum/2025-07-03-acta.pdf',
            },
            {
              heldOn: '2025-11-13',
              governmentAttendees: 11,
              civilSocietyAttendees: 13,
              minutesUrl: 'https://example.org/ogp/ury/forum/2025-11-13-acta.pdf',
            },
            {
              heldOn: '2026-04-09',
              governmentAttendees: 8,
              civilSocietyAttendees: 12,
              minutesUrl: 'https://example.org/ogp/ury/forum/2026-04-09-acta.pdf',
            },
            { heldOn: '2026-08-27', governmentAttendees: 10, civilSocietyAttendees: 14 },
          ],
          commitments: [
            {
              code: 'UY0111',
              number: '1',
              title: 'Public monitoring of the digital agenda',
              problem:
                'The updated digital agenda sets goals, but progress is reported only in internal documents that civil society cannot follow.',
              causes:
                'No open indicator set or public review calendar was defined when the agenda was approved.',
              priorActions:
                'The agenda update published a traceability report on the public proposals it received (commitment UY0101).',
              solution:
                "Publish the agenda's indicators and progress as open data, and hold a public review each year with the civil-society network.",
              expectedResults:
                'Anyone can follow progress on each digital agenda goal, and annual reviews lead to documented corrections.',
              startDate: '2025-01-01',
              startDatePrecision: 'QUARTER',
              endDate: '2026-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'uy-agency',
              supportingInstitutions: ['uy-cso'],
              values: [
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Progress on every agenda goal is published as open data.',
                },
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification: 'The agency answers for progress in an annual public review.',
                },
              ],
              tags: ['digital-governance', 'open-data'],
              area: 'DIGITAL_STRATEGY_AND_POLICY',
              participationMechanism: 'Annual public review with the civil-society network',
              participationLevel: 'CONSULT',
              links: [{ type: 'CONTINUES', target: 'UY0101' }],
              contact: {
                name: 'Valentina Suárez Olivera',
                title: 'Monitoring and Evaluation Lead',
                email: 'agenda.monitoring@example.org',
              },
              milestones: [
                {
                  title: 'Publish the agenda indicators as open data',
                  deliverable: 'Indicator dataset on the national open data catalogue',
                  target: { indicator: 'Agenda goals with published indicators', value: 40, unit: 'goals' },
                  dueDate: '2025-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'COMPLETE',
                  completedOn: '2025-06-24',
                },
                {
                  title: 'Hold the first annual public review',
                  deliverable: 'Review minutes and agency response published',
                  dueDate: '2025-11-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-cso',
                  status: 'COMPLETE',
                  completedOn: '2025-11-13',
                },
                {
                  title: 'Launch a public progress dashboard',
                  deliverable: 'Dashboard showing each goal against its indicator',
                  dueDate: '2026-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Hold the second annual public review',
                  deliverable: 'Review minutes and agency response published',
                  dueDate: '2026-11-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-cso',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'UY0112',
              number: '2',
              title: 'Mandatory algorithm register with independent audits',
              problem:
                'The pilot register covered only five agencies, and entries are not checked against how systems work in practice.',
              causes: 'Registration is voluntary, and no body has a mandate to audit algorithmic systems.',
              priorActions:
                'A pilot register was co-designed and evaluated under the previous plan (commitment UY0103).',
              solution:
                'Make registration mandatory for the central administration by decree, and run independent audits of high-impact systems with a civil-society observer.',
              expectedResults:
                'A complete register of algorithmic systems, and published audit findings on the highest-impact ones.',
              startDate: '2025-01-01',
              startDatePrecision: 'MONTH',
              endDate: '2026-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'uy-agency',
              supportingInstitutions: ['uy-data', 'uy-cso'],
              values: [
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification:
                    'Independent audits test whether algorithmic systems work as their owners claim.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Every agency must publish its algorithmic systems in the register.',
                },
              ],
              tags: ['automated-decision-making', 'artificial-intelligence', 'right-to-information'],
              area: 'OVERSIGHT_AUDIT_AND_REDRESS',
              participationMechanism: 'Civil-society observer in each audit',
              participationLevel: 'INVOLVE',
              links: [
                { type: 'CONTINUES', target: 'UY0103' },
                { type: 'MONITORS', target: 'UY0111' },
              ],
              milestones: [
                {
                  title: 'Adopt the decree making registration mandatory',
                  deliverable: 'Decree published in the official gazette',
                  dueDate: '2025-07-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'uy-agency',
                  status: 'COMPLETE',
                  completedOn: '2025-09-30',
                },
                {
                  title: 'Register the systems of all central agencies',
                  deliverable: 'Register entries for every central agency',
                  target: { indicator: 'Agencies with register entries', value: 25, unit: 'agencies' },
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Audit high-impact systems with a civil-society observer',
                  deliverable: 'Audit reports signed off by the auditors and the observer',
                  target: { indicator: 'Systems audited', value: 4, unit: 'systems' },
                  startDate: '2026-01-01',
                  startDatePrecision: 'QUARTER',
                  dueDate: '2026-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-data',
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish the audit reports with agency responses',
                  deliverable: 'Audit reports and responses on the register site',
                  dueDate: '2026-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'UY0113',
              number: '3',
              title: 'Data access log for the interoperability platform in the digital identity app',
              problem:
                'Personal data is exchanged between agencies through the interoperability platform, but people cannot see which agency accessed their records.',
              causes:
                'The platform logs exchanges for security purposes only, and the logs are not linked to the digital identity.',
              priorActions:
                'The platform connected about 40 agencies by 2024, and the digital identity app is widely used.',
              solution:
                "Build a data access log view in the digital identity app that shows each exchange of the user's data, and migrate platform services to a common logging standard.",
              expectedResults:
                'Users of the digital identity app can see who accessed their data through the platform.',
              startDate: '2025-04-01',
              startDatePrecision: 'QUARTER',
              endDate: '2026-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'uy-agency',
              supportingInstitutions: ['idb'],
              values: [
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification:
                    'Adds a new logging standard and a user-facing feature to shared digital infrastructure.',
                },
              ],
              tags: ['digital-id', 'data-stewardship-and-privacy'],
              area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
              participationLevel: 'INFORM',
              milestones: [
                {
                  title: 'Adopt a common logging standard for the platform',
                  deliverable: 'Technical standard published',
                  dueDate: '2025-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'COMPLETE',
                  completedOn: '2025-08-28',
                },
                {
                  title: 'Migrate platform services to the logging standard',
                  deliverable: 'Migration status report by service',
                  target: {
                    indicator: 'Platform services using the logging standard',
                    value: 120,
                    unit: 'services',
                  },
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Launch the data access log view in the app',
                  deliverable: 'Access log view available to all app users',
                  dueDate: '2026-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'UY0114',
              number: '4',
              title: 'Participatory rules for procuring AI systems in the public sector',
              problem:
                'Agencies buy AI-based systems without requirements on transparency, data rights or evaluation, and the contracts are hard to find.',
              causes:
                'Procurement rules were written for conventional software, and there are no model clauses for AI.',
              priorActions:
                'The guidelines on AI and personal data set principles but no procurement requirements (commitment UY0102).',
              solution:
                'Draft model clauses and a procurement guide for AI systems with suppliers, academia and civil society, consult on them publicly and publish AI contracts on the procurement portal.',
              expectedResults:
                'AI procurements that include transparency and evaluation requirements, with contracts published.',
              startDate: '2025-07-01',
              startDatePrecision: 'SEMESTER',
              endDate: '2026-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'uy-procurement',
              supportingInstitutions: ['uy-agency', 'uy-cso'],
              values: [
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Contracts for AI systems are published on the procurement portal.',
                },
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification:
                    'Model clauses require suppliers and agencies to evaluate and report on AI systems.',
                },
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'The model clauses are drafted with civil society and opened to public comment.',
                },
              ],
              tags: ['public-procurement', 'artificial-intelligence'],
              area: 'TECHNOLOGY_REGULATION',
              participationMechanism:
                'Public consultation on model clauses and a multi-stakeholder working group',
              participationLevel: 'CONSULT',
              links: [{ type: 'CONTINUES', target: 'UY0102' }],
              contact: {
                name: 'Sofía Cabrera Núñez',
                title: 'Procurement Policy Adviser',
                email: 'compras.ia@example.org',
              },
              milestones: [
                {
                  title: 'Set up the multi-stakeholder working group',
                  deliverable: 'Working group terms of reference and members published',
                  dueDate: '2025-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-procurement',
                  status: 'COMPLETE',
                  completedOn: '2025-10-20',
                },
                {
                  title: 'Consult the public on draft model clauses',
                  deliverable: 'Draft clauses, comments received and responses published',
                  dueDate: '2026-04-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-procurement',
                  status: 'COMPLETE',
                  completedOn: '2026-05-08',
                },
                {
                  title: 'Adopt the procurement guide for AI systems',
                  deliverable: 'Guide adopted by resolution and published',
                  dueDate: '2026-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-procurement',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Pilot an independent pre-procurement review of AI purchases',
                  deliverable: 'Review reports for pilot procurements',
                  dueDate: '2026-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-agency',
                  status: 'WITHDRAWN',
                },
                {
                  title: 'Publish AI contracts on the procurement portal',
                  deliverable: 'Portal filter listing AI contracts with full text',
                  target: { indicator: 'AI contracts published', value: 15, unit: 'contracts' },
                  dueDate: '2026-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'uy-procurement',
                  status: 'NOT_STARTED',
                },
              ],
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------------------------------------------------
    {
      code: 'EST',
      name: 'Estonia',
      type: 'NATIONAL',
      region: 'EUROPE',
      actionPlans: [
        {
          sequenceNumber: 1,
          title: 'Estonia Open Government Action Plan 2024–2026',
          startDate: '2024-07-01',
          endDate: '2026-06-30',
          status: 'ENDED',
          coCreationLevel: 'COLLABORATE',
          implementationLevel: 'INVOLVE',
          participationOpenness: 'OPEN',
          forumMeetings: [
            {
              heldOn: '2024-08-29',
              governmentAttendees: 7,
              civilSocietyAttendees: 8,
              minutesUrl: 'https://example.org/ogp/est/forum/2024-08-29-minutes.pdf',
            },
            {
              heldOn: '2025-01-16',
              governmentAttendees: 8,
              civilSocietyAttendees: 9,
              minutesUrl: 'https://example.org/ogp/est/forum/2025-01-16-minutes.pdf',
            },
            {
              heldOn: '2025-05-22',
              governmentAttendees: 6,
              civilSocietyAttendees: 8,
              minutesUrl: 'https://example.org/ogp/est/forum/2025-05-22-minutes.pdf',
            },
            {
              heldOn: '2025-10-09',
              governmentAttendees: 8,
              civilSocietyAttendees: 7,
              minutesUrl: 'https://example.org/ogp/est/forum/2025-10-09-minutes.pdf',
            },
            {
              heldOn: '2026-02-26',
              governmentAttendees: 7,
              civilSocietyAttendees: 9,
              minutesUrl: 'https://example.org/ogp/est/forum/2026-02-26-minutes.pdf',
            },
            {
              heldOn: '2026-06-11',
              governmentAttendees: 9,
              civilSocietyAttendees: 10,
              minutesUrl: 'https://example.org/ogp/est/forum/2026-06-11-minutes.pdf',
            },
          ],
          commitments: [
            {
              code: 'EE0071',
              number: 'I.1',
              title: 'Co-creation of the digital society development plan update',
              problem:
                'The digital society development plan is reviewed by expert groups, and residents and smaller organisations have little say in its priorities.',
              causes:
                'Participation in digital policy has relied on consultations on finished drafts through the official consultation system.',
              priorActions:
                'The ministry ran a public call for ideas for the digital agenda in 2020 and published the results.',
              solution:
                "Hold a citizens' panel and thematic workshops before drafting the update, and publish how the panel's recommendations were addressed.",
              expectedResults:
                "An updated plan that takes up the citizens' panel recommendations or explains why it does not.",
              startDate: '2024-07-01',
              startDatePrecision: 'SEMESTER',
              endDate: '2026-04-01',
              endDatePrecision: 'QUARTER',
              leadInstitution: 'ee-ministry',
              supportingInstitutions: ['ee-cso', 'ee-academia'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    "A randomly selected citizens' panel sets recommendations before drafting begins.",
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'The ministry publishes its response to every panel recommendation.',
                },
              ],
              tags: ['digital-governance', 'digital-participation', 'digital-transformation'],
              area: 'DIGITAL_STRATEGY_AND_POLICY',
              participationMechanism: "Randomly selected citizens' panel and thematic workshops",
              participationLevel: 'INVOLVE',
              contact: {
                name: 'Kadri Lepik',
                title: 'Adviser, Digital Society Policy',
                email: 'digipoliitika.poc@example.org',
                phone: '+372 600 0071',
              },
              milestones: [
                {
                  title: "Convene the citizens' panel",
                  deliverable: 'Panel recommendations report',
                  target: { indicator: 'Panel members', value: 60, unit: 'people' },
                  startDate: '2024-09-01',
                  startDatePrecision: 'MONTH',
                  dueDate: '2025-01-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-academia',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2025-02-14',
                },
                {
                  title: 'Hold thematic workshops with organisations',
                  deliverable: 'Workshop summaries published',
                  target: { indicator: 'Workshops held', value: 6, unit: 'workshops' },
                  dueDate: '2025-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-cso',
                  status: 'COMPLETE',
                  completedOn: '2025-05-30',
                },
                {
                  title: 'Publish the response to the panel recommendations',
                  deliverable: 'Response table covering each recommendation',
                  dueDate: '2025-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ministry',
                  status: 'COMPLETE',
                  completedOn: '2025-11-04',
                },
                {
                  title: 'Adopt the updated development plan',
                  deliverable: 'Government decision and updated plan published',
                  dueDate: '2026-04-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ministry',
                  status: 'COMPLETE',
                  completedOn: '2026-03-19',
                },
              ],
            },
            {
              code: 'EE0072',
              number: 'I.2',
              title: 'Open preparation of national implementing rules for artificial intelligence',
              problem:
                'National rules are needed to apply EU legislation on AI, including which authority supervises high-risk systems, and the public has had little information on the choices.',
              causes:
                'Implementing legislation is usually drafted within ministries and published only at the formal consultation stage.',
              priorActions:
                'An inter-ministerial working group mapped the required national measures in 2024.',
              solution:
                'Publish the options for national implementing rules early, hold open round tables with civil society, businesses and researchers, and publish the draft law with a table of comments received.',
              expectedResults:
                'Implementing rules prepared transparently, with clear supervision and complaint routes for people affected by AI.',
              startDate: '2024-07-01',
              startDatePrecision: 'MONTH',
              endDate: '2026-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ee-ministry',
              supportingInstitutions: ['ee-cso', 'ee-chancellor', 'ee-academia'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'Round tables give civil society and researchers a say before the draft law is written.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Options, drafts and all comments received are published.',
                },
              ],
              tags: ['artificial-intelligence', 'automated-decision-making'],
              area: 'TECHNOLOGY_REGULATION',
              participationMechanism: 'Early publication of options and open round tables',
              participationLevel: 'CONSULT',
              milestones: [
                {
                  title: 'Publish the options paper',
                  deliverable: 'Options paper on supervision, sanctions and complaint routes',
                  dueDate: '2024-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ministry',
                  status: 'COMPLETE',
                  completedOn: '2024-10-30',
                },
                {
                  title: 'Hold open round tables',
                  deliverable: 'Round-table summaries published',
                  target: { indicator: 'Round tables held', value: 4, unit: 'round tables' },
                  dueDate: '2025-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-cso',
                  status: 'COMPLETE',
                  completedOn: '2025-03-27',
                },
                {
                  title: 'Publish the draft law with a table of comments',
                  deliverable: 'Draft law and comments table in the public consultation system',
                  dueDate: '2025-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ministry',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2025-12-10',
                },
                {
                  title: 'Submit the draft law to Parliament',
                  deliverable: 'Bill registered in Parliament',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ministry',
                  status: 'IN_PROGRESS',
                },
              ],
            },
            {
              code: 'EE0073',
              number: 'II.1',
              title: 'Data usage logs for all state registers linked to the digital identity',
              problem:
                'The data usage view lets people see who accessed their data in only some state registers.',
              causes:
                'Older registers do not log queries in the standard format, and register owners had no deadline to connect.',
              priorActions:
                'A data usage view was launched in the state portal and connected to about twenty registers.',
              solution:
                'Connect the remaining registers that hold personal data to the data usage view, and publish a list of which registers are connected.',
              expectedResults:
                'People can see access to their data across all major state registers and ask for an explanation.',
              startDate: '2025-01-01',
              startDatePrecision: 'YEAR',
              endDate: '2026-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ee-ria',
              supportingInstitutions: ['ee-ministry', 'ee-chancellor'],
              values: [
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'People can see which officials and agencies accessed their personal data.',
                },
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification: 'Agencies must explain queries that people question.',
                },
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification:
                    'Extends the digital identity infrastructure with standard logging across registers.',
                },
              ],
              tags: ['digital-id', 'data-stewardship-and-privacy', 'right-to-information'],
              area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
              participationMechanism: 'User testing of the data usage view',
              participationLevel: 'CONSULT',
              contact: {
                name: 'Mart Kuusk',
                title: 'Product Owner, Data Usage View',
                email: 'andmejalgija.poc@example.org',
              },
              milestones: [
                {
                  title: 'Publish the list of connected and unconnected registers',
                  deliverable: 'Public list with planned connection dates',
                  dueDate: '2025-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ria',
                  status: 'COMPLETE',
                  completedOn: '2025-02-20',
                },
                {
                  title: 'Connect the remaining registers holding personal data',
                  deliverable: 'Connection report by register',
                  target: { indicator: 'Registers connected', value: 45, unit: 'registers' },
                  dueDate: '2026-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ria',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2026-04-22',
                },
                {
                  title: 'Add a "request an explanation" function to the data usage view',
                  deliverable: 'Function live in the state portal',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ria',
                  status: 'COMPLETE',
                  completedOn: '2026-05-28',
                },
                {
                  title: 'Notify people by e-mail when a register is queried about them',
                  deliverable: 'Opt-in notification service in the state portal',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ria',
                  status: 'WITHDRAWN',
                },
              ],
            },
            {
              code: 'EE0074',
              number: 'II.2',
              title: 'Independent audits of high-risk algorithms in public services',
              problem:
                'Agencies use algorithms to flag benefit risks and allocate school places, but no independent party checks them for errors or discrimination.',
              causes: 'Audits are not required by law, and supervisory bodies lack technical capacity.',
              priorActions:
                'The Chancellor of Justice reported on automated decisions in public administration in 2023.',
              solution:
                'Develop an audit methodology with researchers and civil society, audit three high-risk systems and publish the findings with agency responses.',
              expectedResults:
                'Published audits that lead to documented fixes, and a methodology other agencies can reuse.',
              startDate: '2024-10-01',
              startDatePrecision: 'QUARTER',
              endDate: '2026-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ee-ministry',
              supportingInstitutions: ['ee-chancellor', 'ee-academia', 'ee-cso'],
              values: [
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification: 'Agencies must respond publicly to independent audit findings.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Audit methodology and findings are published in full.',
                },
              ],
              tags: ['automated-decision-making', 'artificial-intelligence'],
              area: 'OVERSIGHT_AUDIT_AND_REDRESS',
              participationMechanism: 'Civil-society representative on each audit team',
              participationLevel: 'INVOLVE',
              links: [{ type: 'MONITORS', target: 'EE0072' }],
              contact: {
                name: 'Liis Mägi',
                title: 'Head of Algorithmic Accountability',
                email: 'algoaudit.poc@example.org',
              },
              milestones: [
                {
                  title: 'Publish the audit methodology',
                  deliverable: 'Methodology published after peer review',
                  dueDate: '2025-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-academia',
                  status: 'COMPLETE',
                  completedOn: '2025-04-10',
                },
                {
                  title: 'Audit three high-risk systems',
                  deliverable: 'Audit reports for each system',
                  target: { indicator: 'Systems audited', value: 3, unit: 'systems' },
                  dueDate: '2026-01-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'ee-academia',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2026-02-27',
                },
                {
                  title: 'Publish the findings with agency responses',
                  deliverable: 'Findings and agency remediation plans published',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ministry',
                  status: 'COMPLETE',
                  completedOn: '2026-05-29',
                },
                {
                  title: 'Propose a legal obligation for regular audits',
                  deliverable: 'Legislative intent document published for consultation',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ministry',
                  status: 'WITHDRAWN',
                },
              ],
            },
            {
              code: 'EE0075',
              number: 'II.3',
              title: 'Co-designed proactive services for life events',
              problem:
                'Parents, jobseekers and people with disabilities must apply to several agencies after a life event, although the state already holds the data needed.',
              causes:
                'Services are organised around agencies rather than life events, and users are consulted only after systems are built.',
              priorActions:
                'A proactive family benefit service showed that automatic eligibility checks reduce the burden on applicants.',
              solution:
                'Co-design three new proactive life-event services with user groups and the organisations that represent them, and publish the service designs and satisfaction results.',
              expectedResults:
                'Three life-event services delivered proactively, with user satisfaction measured and published.',
              startDate: '2024-07-01',
              startDatePrecision: 'QUARTER',
              endDate: '2026-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ee-ria',
              supportingInstitutions: ['ee-ministry', 'ee-cso'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'User groups and representative organisations design the services with agencies.',
                },
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification: 'Delivers services proactively from data the state already holds.',
                },
              ],
              tags: ['digital-participation', 'digital-transformation'],
              area: 'SERVICE_CO_DESIGN',
              participationMechanism:
                'Service design sprints with user groups and representative organisations',
              participationLevel: 'COLLABORATE',
              links: [{ type: 'CO_DESIGNS', target: 'EE0071' }],
              milestones: [
                {
                  title: 'Select three life events with user groups',
                  deliverable: 'Selection report with user research summary',
                  dueDate: '2024-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-cso',
                  status: 'COMPLETE',
                  completedOn: '2024-11-29',
                },
                {
                  title: 'Run design sprints for each life event',
                  deliverable: 'Published service designs',
                  target: { indicator: 'Life-event services designed', value: 3, unit: 'services' },
                  dueDate: '2025-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ria',
                  status: 'COMPLETE',
                  completedOn: '2025-10-06',
                },
                {
                  title: 'Launch the proactive services',
                  deliverable: 'Services live in the state portal',
                  target: { indicator: 'Proactive services launched', value: 3, unit: 'services' },
                  dueDate: '2026-04-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ria',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2026-04-29',
                },
                {
                  title: 'Publish user satisfaction results',
                  deliverable: 'Satisfaction survey results for each service',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ee-ria',
                  status: 'IN_PROGRESS',
                },
              ],
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------------------------------------------------
    {
      code: 'PHL',
      name: 'Philippines',
      type: 'NATIONAL',
      region: 'ASIA_AND_THE_PACIFIC',
      actionPlans: [
        {
          sequenceNumber: 1,
          title: 'Philippines Open Government Action Plan 2025–2027',
          startDate: '2025-07-01',
          endDate: '2027-06-30',
          status: 'IMPLEMENTING',
          coCreationLevel: 'CONSULT',
          implementationLevel: 'CONSULT',
          participationOpenness: 'INVITATION_ONLY',
          forumMeetings: [
            {
              heldOn: '2025-07-24',
              governmentAttendees: 15,
              civilSocietyAttendees: 11,
              minutesUrl: 'https://example.org/ogp/phl/forum/2025-07-24-minutes.pdf',
            },
            {
              heldOn: '2025-12-04',
              governmentAttendees: 13,
              civilSocietyAttendees: 12,
              minutesUrl: 'https://example.org/ogp/phl/forum/2025-12-04-minutes.pdf',
            },
            {
              heldOn: '2026-04-16',
              governmentAttendees: 14,
              civilSocietyAttendees: 10,
              minutesUrl: 'https://example.org/ogp/phl/forum/2026-04-16-minutes.pdf',
            },
            { heldOn: '2026-09-10', governmentAttendees: 12, civilSocietyAttendees: 13 },
          ],
          commitments: [
            {
              code: 'PH0081',
              number: '1',
              title: 'Multi-stakeholder consultation on the e-government master plan update',
              problem:
                'The e-government master plan sets national digital priorities, but local governments and civil society have not been consulted on its update.',
              causes:
                'Consultation has been limited to national agencies, and there is no mechanism for regional input.',
              priorActions:
                'The department published the current master plan online and held an industry forum in 2024.',
              solution:
                "Hold regional consultations with local governments, civil society and youth groups, and publish a consultation report with the department's responses.",
              expectedResults:
                'An updated master plan that reflects regional priorities and documents how public input was used.',
              startDate: '2025-07-01',
              startDatePrecision: 'QUARTER',
              endDate: '2027-03-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ph-dict',
              supportingInstitutions: ['ph-cso', 'undp'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification:
                    'Regional consultations bring local governments and civil society into national digital planning.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'The consultation report and the department responses are published.',
                },
              ],
              tags: ['digital-governance', 'digital-participation', 'digital-transformation'],
              area: 'DIGITAL_STRATEGY_AND_POLICY',
              participationMechanism: 'Regional consultations and an online comment form',
              participationLevel: 'CONSULT',
              contact: {
                name: 'Maria Teresa Villareal',
                title: 'Chief, E-Government Planning Division',
                email: 'egmp.poc@example.org',
                phone: '+63 2 0000 0081',
              },
              milestones: [
                {
                  title: 'Publish the consultation plan',
                  deliverable: 'Consultation plan with regional schedule published',
                  dueDate: '2025-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'COMPLETE',
                  completedOn: '2025-09-12',
                },
                {
                  title: 'Hold regional consultations',
                  deliverable: 'Regional consultation reports',
                  target: { indicator: 'Regions consulted', value: 17, unit: 'regions' },
                  startDate: '2025-10-01',
                  startDatePrecision: 'QUARTER',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-cso',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish the consultation report with responses',
                  deliverable: 'Report answering each regional recommendation',
                  dueDate: '2026-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'NOT_STARTED',
                },
                {
                  title: 'Approve the updated master plan',
                  deliverable: 'Updated master plan published',
                  dueDate: '2027-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'PH0082',
              number: '2',
              title: 'Co-design of local e-government services with communities',
              problem:
                'Many municipalities have adopted systems for business permits and civil registry requests, but residents still queue because the services do not match local needs.',
              causes:
                'Systems were deployed from a central template without testing with residents, and local staff have little design training.',
              priorActions:
                'A national business permit system has been rolled out to local governments since 2022.',
              solution:
                'Train teams in 20 municipalities in service co-design, run design sessions with residents and publish the improved service flows as reusable templates.',
              expectedResults:
                'Improved local e-services in 20 municipalities with higher online completion, and templates other municipalities can adopt.',
              startDate: '2025-10-01',
              startDatePrecision: 'QUARTER',
              endDate: '2027-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ph-dict',
              supportingInstitutions: ['ph-cso', 'undp'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Residents shape local services in design sessions with municipal staff.',
                },
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification: 'Produces reusable service templates for local e-government systems.',
                },
              ],
              tags: ['digital-participation', 'digital-transformation'],
              area: 'SERVICE_CO_DESIGN',
              participationMechanism: 'Resident design sessions in participating municipalities',
              participationLevel: 'INVOLVE',
              links: [{ type: 'CO_DESIGNS', target: 'PH0081' }],
              milestones: [
                {
                  title: 'Train municipal teams in service co-design',
                  deliverable: 'Training completion records by municipality',
                  target: {
                    indicator: 'Municipalities with trained teams',
                    value: 20,
                    unit: 'municipalities',
                  },
                  dueDate: '2026-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'COMPLETE',
                  completedOn: '2026-04-17',
                },
                {
                  title: 'Run design sessions with residents',
                  deliverable: 'Session reports and revised service flows',
                  dueDate: '2026-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-cso',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish reusable service templates',
                  deliverable: 'Template library published for all municipalities',
                  dueDate: '2027-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'NOT_STARTED',
                },
                {
                  title: 'Measure online completion in participating municipalities',
                  deliverable: 'Before-and-after completion rates published',
                  dueDate: '2027-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-cso',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'PH0083',
              number: '3',
              title: 'Offline verification of the national ID in remote areas',
              problem:
                'In remote areas with poor connectivity, holders of the national ID cannot verify their identity to receive services and are asked for other documents.',
              causes:
                'Verification relies on a live online check, and offline verification tools have not been distributed to local offices.',
              priorActions:
                'A digital version of the ID and a QR-code verification app were introduced in 2023.',
              solution:
                'Deploy offline QR verification to local offices in remote municipalities and publish the technical specification for relying parties.',
              expectedResults:
                'ID holders in remote areas can use their ID to access services without internet connectivity.',
              startDate: '2025-07-01',
              startDatePrecision: 'SEMESTER',
              endDate: '2027-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ph-dict',
              supportingInstitutions: [],
              values: [
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification:
                    'Extends the national ID with offline verification for low-connectivity areas.',
                },
              ],
              tags: ['digital-id'],
              area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
              milestones: [
                {
                  title: 'Publish the offline verification specification',
                  deliverable: 'Technical specification for relying parties',
                  dueDate: '2025-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'COMPLETE',
                  completedOn: '2025-11-20',
                },
                {
                  title: 'Pilot offline fingerprint matching in two provinces',
                  deliverable: 'Pilot evaluation report',
                  dueDate: '2026-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'WITHDRAWN',
                },
                {
                  title: 'Deploy offline verification to local offices',
                  deliverable: 'Deployment report by province',
                  target: {
                    indicator: 'Local offices with offline verification',
                    value: 300,
                    unit: 'offices',
                  },
                  dueDate: '2026-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Evaluate use of offline verification',
                  deliverable: 'Evaluation report',
                  dueDate: '2027-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'PH0084',
              number: '4',
              title: 'Public consultation on rules for government data sharing and AI use',
              problem:
                'Agencies are starting to share personal data and use AI tools under ad hoc agreements, with no public rules on purpose limits.',
              causes:
                'Data-sharing agreements are negotiated bilaterally and not published, and there is no government-wide AI use policy.',
              priorActions:
                'The privacy regulator issued an advisory on data-sharing agreements between agencies.',
              solution:
                'Draft a government-wide circular on data sharing and AI use with public consultation, and publish all data-sharing agreements between agencies.',
              expectedResults:
                'Published data-sharing agreements and binding rules for AI use shaped by public comment.',
              startDate: '2025-07-01',
              startDatePrecision: 'MONTH',
              endDate: '2027-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ph-dict',
              supportingInstitutions: ['ph-cso'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'The draft circular is opened to public comment and sector dialogues.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'All data-sharing agreements between agencies are published.',
                },
              ],
              tags: ['artificial-intelligence', 'data-stewardship-and-privacy', 'open-data'],
              area: 'TECHNOLOGY_REGULATION',
              participationMechanism: 'Public comment on the draft circular and sector dialogues',
              participationLevel: 'CONSULT',
              milestones: [
                {
                  title: 'Publish the inventory of data-sharing agreements',
                  deliverable: 'Inventory and full text of agreements published',
                  target: { indicator: 'Agreements published', value: 50, unit: 'agreements' },
                  dueDate: '2026-01-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'ph-dict',
                  status: 'COMPLETE',
                  completedOn: '2026-02-20',
                },
                {
                  title: 'Publish the draft circular for public comment',
                  deliverable: 'Draft circular and comment form published',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Hold sector dialogues on AI use',
                  deliverable: 'Dialogue summaries for health, social welfare and law enforcement',
                  dueDate: '2026-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-cso',
                  status: 'NOT_STARTED',
                },
                {
                  title: 'Issue the circular',
                  deliverable: 'Circular issued with a response to public comments',
                  dueDate: '2027-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-dict',
                  weight: 2,
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'PH0089',
              number: '5',
              title: 'Citizen monitoring of government ICT procurement',
              problem:
                'Large ICT projects are often delayed or over budget, and citizens cannot follow contracts from award to delivery.',
              causes:
                'Contract implementation data is not published, and civil-society observers attend bidding but not delivery.',
              priorActions:
                'The procurement portal publishes notices and awards, and accredited observers sit in bids and awards committees.',
              solution:
                'Publish implementation data for ICT contracts in an open contracting format and support civil society to monitor ten major ICT projects, with agencies responding publicly to findings.',
              expectedResults:
                'Citizens can follow ICT contracts to delivery, and monitoring findings receive public responses.',
              startDate: '2025-10-01',
              startDatePrecision: 'QUARTER',
              endDate: '2027-06-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'ph-procurement',
              supportingInstitutions: ['ph-cso', 'ph-dict'],
              values: [
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification: 'Agencies must respond publicly to civil-society monitoring findings.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Contract implementation data is published in an open format.',
                },
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Civil-society observers monitor project delivery, not only bidding.',
                },
              ],
              tags: ['public-procurement', 'open-data'],
              area: 'OVERSIGHT_AUDIT_AND_REDRESS',
              participationMechanism: 'Third-party monitoring by accredited civil-society observers',
              participationLevel: 'COLLABORATE',
              links: [{ type: 'MONITORS', target: 'PH0083' }],
              contact: {
                name: 'Joel Santos Dimaculangan',
                title: 'Open Contracting Focal Person',
                email: 'ict.procurement@example.org',
              },
              milestones: [
                {
                  title: 'Select ICT projects for monitoring with civil society',
                  deliverable: 'List of projects and monitoring plan published',
                  dueDate: '2026-01-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-cso',
                  status: 'COMPLETE',
                  completedOn: '2026-01-28',
                },
                {
                  title: 'Publish implementation data for ICT contracts',
                  deliverable: 'Open contracting data for ICT contracts on the procurement portal',
                  target: {
                    indicator: 'ICT contracts with implementation data',
                    value: 100,
                    unit: 'contracts',
                  },
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-procurement',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish civil-society monitoring reports',
                  deliverable: 'One monitoring report per project',
                  target: { indicator: 'Projects monitored', value: 10, unit: 'projects' },
                  dueDate: '2027-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-cso',
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish agency responses to monitoring findings',
                  deliverable: 'Response from each agency concerned',
                  dueDate: '2027-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'ph-procurement',
                  status: 'NOT_STARTED',
                },
              ],
            },
          ],
        },
      ],
    },

    // ---------------------------------------------------------------------------------------------------------
    {
      code: 'ARBA',
      name: 'Buenos Aires',
      type: 'LOCAL',
      region: 'AMERICAS',
      actionPlans: [
        {
          sequenceNumber: 1,
          title: 'Buenos Aires Open Government Action Plan 2025–2026',
          startDate: '2025-01-01',
          endDate: '2026-12-31',
          status: 'IMPLEMENTING',
          coCreationLevel: 'COLLABORATE',
          implementationLevel: 'INVOLVE',
          participationOpenness: 'OPEN',
          // The forum did not meet between July 2025 and March 2026 (more than six months).
          forumMeetings: [
            {
              heldOn: '2025-03-12',
              governmentAttendees: 8,
              civilSocietyAttendees: 14,
              minutesUrl: 'https://example.org/ogp/arba/foro/2025-03-12-acta.pdf',
            },
            {
              heldOn: '2025-07-09',
              governmentAttendees: 7,
              civilSocietyAttendees: 12,
              minutesUrl: 'https://example.org/ogp/arba/foro/2025-07-09-acta.pdf',
            },
            { heldOn: '2026-03-25', governmentAttendees: 6, civilSocietyAttendees: 9 },
            {
              heldOn: '2026-08-05',
              governmentAttendees: 8,
              civilSocietyAttendees: 11,
              minutesUrl: 'https://example.org/ogp/arba/foro/2026-08-05-acta.pdf',
            },
          ],
          commitments: [
            {
              code: 'BUE0011',
              number: '1',
              title: "Co-design of the city's citizen services app with residents",
              problem:
                'Residents report street problems and request services through the city app, but many requests are closed without resolution and older residents find the app hard to use.',
              causes:
                'App features have been defined by the technology team without structured resident input, and closure reasons are not shown.',
              priorActions: 'The city published open data on service requests in 2023.',
              solution:
                'Set up a resident panel to co-design the next version of the app, including accessible request flows and visible closure reasons, and test it in every commune.',
              expectedResults:
                'A redesigned app that residents of all ages can use, with fewer requests reopened.',
              startDate: '2025-01-01',
              startDatePrecision: 'QUARTER',
              endDate: '2026-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'bue-innovation',
              supportingInstitutions: ['bue-cso'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'A resident panel co-designs the app and tests it in every commune.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Residents see why each request was closed, and closure data is published.',
                },
              ],
              tags: ['digital-participation', 'open-data'],
              area: 'SERVICE_CO_DESIGN',
              participationMechanism: 'Resident panel and testing sessions in every commune',
              participationLevel: 'INVOLVE',
              links: [{ type: 'CO_DESIGNS', target: 'BUE0015' }],
              contact: {
                name: 'Camila Ferreyra',
                title: 'Service Design Lead',
                email: 'app.ciudadana@example.org',
                phone: '+54 11 0000 0011',
              },
              milestones: [
                {
                  title: 'Convene the resident panel',
                  deliverable: 'Panel composition and working rules published',
                  target: { indicator: 'Panel members', value: 45, unit: 'people' },
                  dueDate: '2025-04-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-cso',
                  status: 'COMPLETE',
                  completedOn: '2025-04-25',
                },
                {
                  title: 'Test the redesigned flows in every commune',
                  deliverable: 'Test reports by commune',
                  target: { indicator: 'Communes with testing sessions', value: 15, unit: 'communes' },
                  dueDate: '2025-11-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'COMPLETE',
                  completedOn: '2026-01-30',
                },
                {
                  title: 'Release the new version of the app',
                  deliverable: 'New app version in public app stores',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2026-08-12',
                },
                {
                  title: 'Publish request closure reasons as open data',
                  deliverable: 'Dataset of closure reasons updated monthly',
                  dueDate: '2026-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'IN_PROGRESS',
                },
              ],
            },
            {
              code: 'BUE0012',
              number: '2',
              title: "Public register and civic audits of the city's algorithms",
              problem:
                'The city uses algorithms for traffic enforcement, inspection planning and school enrolment, but residents cannot find out how they work or challenge the results.',
              causes: 'There is no inventory of algorithmic systems and no procedure for external review.',
              priorActions: 'The city ombudsman received complaints about automated traffic fines in 2024.',
              solution:
                "Publish a register of the city's algorithmic systems, run civic audits of two systems with the ombudsman and researchers, and publish a procedure to request human review.",
              expectedResults:
                'Residents can see which algorithms affect them, audits are published, and human review is available on request.',
              startDate: '2025-01-01',
              startDatePrecision: 'MONTH',
              endDate: '2026-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'bue-innovation',
              supportingInstitutions: ['bue-ombudsman', 'bue-cso'],
              values: [
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification:
                    'Civic audits and human review let residents challenge algorithmic decisions.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification:
                    'The register discloses which algorithms the city uses and for what purpose.',
                },
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Residents take part in audit teams alongside the ombudsman.',
                },
              ],
              tags: ['automated-decision-making', 'right-to-information'],
              area: 'OVERSIGHT_AUDIT_AND_REDRESS',
              participationMechanism: 'Civic audit teams with residents and researchers',
              participationLevel: 'COLLABORATE',
              links: [{ type: 'MONITORS', target: 'BUE0015' }],
              milestones: [
                {
                  title: 'Publish the register of algorithmic systems',
                  deliverable: 'Online register with one entry per system',
                  target: { indicator: 'Systems listed in the register', value: 12, unit: 'systems' },
                  dueDate: '2025-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'COMPLETE',
                  completedOn: '2025-07-02',
                },
                {
                  title: 'Carry out the civic audit of the traffic enforcement system',
                  deliverable: 'Audit report with the city response',
                  dueDate: '2025-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-ombudsman',
                  weight: 2,
                  status: 'COMPLETE',
                  completedOn: '2026-02-19',
                },
                {
                  title: 'Carry out the civic audit of the school enrolment algorithm',
                  deliverable: 'Audit report with the city response',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-ombudsman',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish a procedure to request human review',
                  deliverable: 'Procedure published and linked from each register entry',
                  dueDate: '2026-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'BUE0013',
              number: '3',
              title: 'Participatory protocol for video analytics in public space',
              problem:
                'Cameras in public space are being fitted with analytics software, and residents have not been asked under what conditions it may be used.',
              causes:
                'Rules on video analytics are set by administrative resolution, without public debate or legislative oversight.',
              priorActions: 'The city legislature held an information session on video surveillance in 2024.',
              solution:
                'Hold public hearings to draft a protocol on the use of video analytics, submit it to the legislature and publish an annual public report on its use.',
              expectedResults:
                'Clear, publicly agreed limits on video analytics in public space, and annual public reporting on its use.',
              startDate: '2025-04-01',
              startDatePrecision: 'QUARTER',
              endDate: '2026-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'bue-legislature',
              supportingInstitutions: ['bue-innovation', 'bue-ombudsman', 'bue-cso'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Residents help set the limits on video analytics through public hearings.',
                },
                {
                  value: 'PUBLIC_ACCOUNTABILITY',
                  justification:
                    'The executive must report every year to the legislature and the public on its use.',
                },
              ],
              tags: ['artificial-intelligence', 'data-stewardship-and-privacy'],
              area: 'TECHNOLOGY_REGULATION',
              participationMechanism: 'Public hearings in the city legislature',
              participationLevel: 'INVOLVE',
              milestones: [
                {
                  title: 'Hold public hearings on video analytics',
                  deliverable: 'Hearing transcripts and summary published',
                  target: { indicator: 'Public hearings held', value: 3, unit: 'hearings' },
                  dueDate: '2025-09-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-legislature',
                  status: 'COMPLETE',
                  completedOn: '2025-08-27',
                },
                {
                  title: 'Hold a deliberative workshop with randomly selected residents',
                  deliverable: 'Workshop recommendations report',
                  dueDate: '2025-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-cso',
                  status: 'WITHDRAWN',
                },
                {
                  title: 'Submit the draft protocol to the legislature',
                  deliverable: 'Draft protocol registered with the legislature',
                  dueDate: '2026-06-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Publish the first annual report on video analytics use',
                  deliverable: 'Annual report with usage statistics',
                  dueDate: '2026-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'BUE0014',
              number: '4',
              title: "Digital wallet for residents' city credentials",
              problem:
                "Residents must carry paper certificates for local permits and benefits, and the city's apps each use a different login.",
              causes:
                'City systems were built separately and cannot reuse the national digital identity or issue digital credentials.',
              priorActions: 'The city app added login with the national digital identity in 2023.',
              solution:
                'Issue the five most-requested city credentials in a digital wallet in the city app, using open standards for verifiable credentials.',
              expectedResults:
                'Residents can present city credentials digitally, and city services accept them without paper copies.',
              startDate: '2025-01-01',
              startDatePrecision: 'YEAR',
              endDate: '2026-12-01',
              endDatePrecision: 'MONTH',
              leadInstitution: 'bue-innovation',
              supportingInstitutions: ['idb'],
              values: [
                {
                  value: 'TECHNOLOGY_AND_INNOVATION',
                  justification: 'Introduces verifiable digital credentials based on open standards.',
                },
              ],
              tags: ['digital-id', 'digital-transformation'],
              area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
              milestones: [
                {
                  title: 'Choose the credential standard',
                  deliverable: 'Technical decision record published',
                  dueDate: '2025-05-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'COMPLETE',
                  completedOn: '2025-05-20',
                },
                {
                  title: 'Issue city credentials in the wallet',
                  deliverable: 'Credentials available in the city app',
                  target: { indicator: 'Credentials available in the wallet', value: 5, unit: 'credentials' },
                  dueDate: '2026-07-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'bue-innovation',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
                {
                  title: 'Release a verifier app for city offices',
                  deliverable: 'Verifier app installed in city service centres',
                  dueDate: '2026-12-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'NOT_STARTED',
                },
              ],
            },
            {
              code: 'BUE0015',
              number: '5',
              title: 'Participatory smart city strategy',
              problem:
                'Smart city projects are decided by the executive without a public strategy, so residents cannot see or influence which technologies are deployed.',
              causes:
                'Technology projects are approved one by one within budget lines, without an overall strategy open to public debate.',
              priorActions:
                'An open data and participation forum organised by the city in 2024 called for a public strategy.',
              solution:
                'Draft a smart city strategy with residents through an online platform and commune assemblies, and publish it with a list of planned technology deployments.',
              expectedResults:
                'A public strategy that residents helped shape, and advance notice of new technology deployments.',
              startDate: '2025-01-01',
              startDatePrecision: 'QUARTER',
              endDate: '2026-10-01',
              endDatePrecision: 'QUARTER',
              leadInstitution: 'bue-innovation',
              supportingInstitutions: ['bue-cso', 'bue-legislature'],
              values: [
                {
                  value: 'CIVIC_PARTICIPATION',
                  justification: 'Residents propose and debate priorities in commune assemblies and online.',
                },
                {
                  value: 'ACCESS_TO_INFORMATION',
                  justification: 'Planned technology deployments are announced publicly in advance.',
                },
              ],
              tags: ['digital-governance', 'digital-participation'],
              area: 'DIGITAL_STRATEGY_AND_POLICY',
              participationMechanism: 'Online participation platform and commune assemblies',
              participationLevel: 'INVOLVE',
              contact: {
                name: 'Tomás Giménez Roldán',
                title: 'Coordinator, Smart City Strategy',
                email: 'estrategia.digital@example.org',
              },
              milestones: [
                {
                  title: 'Open the participation platform',
                  deliverable: 'Platform live with the strategy questions',
                  dueDate: '2025-03-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'COMPLETE',
                  completedOn: '2025-03-18',
                },
                {
                  title: 'Hold commune assemblies',
                  deliverable: 'Assembly minutes and proposals published',
                  target: { indicator: 'Commune assemblies held', value: 15, unit: 'assemblies' },
                  dueDate: '2025-10-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-cso',
                  status: 'COMPLETE',
                  completedOn: '2025-12-05',
                },
                {
                  title: 'Publish the draft strategy',
                  deliverable: 'Draft strategy with a traceability annex',
                  dueDate: '2026-04-01',
                  dueDatePrecision: 'MONTH',
                  responsibleInstitution: 'bue-innovation',
                  status: 'COMPLETE',
                  completedOn: '2026-06-30',
                },
                {
                  title: 'Adopt the strategy and the list of planned deployments',
                  deliverable: 'Strategy adopted by decree and deployment list published',
                  dueDate: '2026-10-01',
                  dueDatePrecision: 'QUARTER',
                  responsibleInstitution: 'bue-innovation',
                  weight: 2,
                  status: 'IN_PROGRESS',
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};
