/**
 * Personal data: names and contact details of participants and IT officers, kept outside the event log
 * ({@code personal_data}), and forgetting a person (the {@link org.campaignledger.command.people.Person}
 * aggregate records that it happened; {@link org.campaignledger.command.people.PersonalDataEraser} erases).
 */
package org.campaignledger.command.people;
