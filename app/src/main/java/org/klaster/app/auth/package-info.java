/**
 * What the command line and the web share about accounts — password hashing and policy, API token
 * generation — knowing neither picocli nor Javalin.
 */
package org.klaster.app.auth;
