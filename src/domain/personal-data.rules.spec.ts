import { redactContacts } from './personal-data.rules.js';

describe('redactContacts', () => {
  it('takes out e-mail addresses and phone numbers', () => {
    expect(
      redactContacts(
        'Contact Jane Doe (jane.doe@treasury.go.ke, tel. +254 20 2252299) or the desk at 020-2252-299.',
      ),
    ).toEqual({
      text: 'Contact Jane Doe ([e-mail removed], tel. [phone removed]) or the desk at [phone removed].',
      emails: ['jane.doe@treasury.go.ke'],
      phones: ['+254 20 2252299', '020-2252-299'],
    });
  });

  it.each([
    { phone: '+254 20 2252299' },
    { phone: '+254-20-2252299' },
    { phone: '+254722123456' },
    { phone: '+44 (0)20 7946 0958' },
    { phone: '+1 (202) 555-0143' },
    { phone: '(020) 7946 0958' },
    { phone: '(02) 123 4567' },
    { phone: '0722 123 456' },
    { phone: '0722-123-456' },
    { phone: '0722.123.456' },
    { phone: '020/7946/0958' },
    { phone: '(495) 12-34-56' },
  ])('takes out the phone number $phone', ({ phone }) => {
    expect(redactContacts(`Call ${phone} today.`)).toEqual({
      text: 'Call [phone removed] today.',
      emails: [],
      phones: [phone],
    });
  });

  it.each([
    { text: 'Between 2016-2018 the plan ran.' },
    { text: 'The plan (2016-2018) ran.' },
    { text: 'Reports for 2016 2017 2018 2019 are out.' },
    { text: 'A budget of 250000000 shillings.' },
    { text: 'A budget of 250 000 000 shillings.' },
    { text: 'A budget of 1.500.000.000 pesos.' },
    { text: 'A budget of 2,500,000,000 dollars.' },
    { text: 'Signed on 01/03/2019, reviewed 2019-03-01 and 31.12.2020.' },
    { text: 'From 01/03/2019 to 31/12/2020.' },
    { text: 'Ratio 3.14159265 observed.' },
    { text: 'Law No. 123 4567 of 2019.' },
    { text: 'Reach 0722 123 456% more people.' },
    { text: 'See https://example.org/docs/123456789/report' },
    { text: 'Decree 45/2018 and 46/2018.' },
  ])('leaves "$text" as it is', ({ text }) => {
    expect(redactContacts(text)).toEqual({ text, emails: [], phones: [] });
  });

  it('takes out every e-mail address, listing each once', () => {
    expect(
      redactContacts('Write to info@ogp.go.ke, a.b-c+tag@sub.example.org.uk and info@ogp.go.ke again.'),
    ).toEqual({
      text: 'Write to [e-mail removed], [e-mail removed] and [e-mail removed] again.',
      emails: ['info@ogp.go.ke', 'a.b-c+tag@sub.example.org.uk'],
      phones: [],
    });
  });
});
