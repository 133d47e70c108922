/**
 * Who may do what: the four roles, how a caller proves who they are (users from configuration with
 * hashed passwords, or JWTs from an issuer), and the one access policy both sides enforce on every
 * request. The unit an officer may record for is checked where the unit is known: in the aggregate.
 */
package org.campaignledger.platform.security;
