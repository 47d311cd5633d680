/**
 * Cooperation: partner matchmaking (docs/methods-cooperation.md). Who could meet a need, or which needs a
 * competence could meet, scored by text relevance (computed outside: the Lucene index lives in the data
 * module), code match along the OKPD2/OKVED2 hierarchy ({@link org.klaster.cooperation.IndustryCodes}), the
 * input–output link between the two industries ({@link org.klaster.cooperation.IoLink}), distance and the
 * dependency of the product; {@link org.klaster.cooperation.Matchmaking} combines them. Pure: no files, no database.
 */
package org.klaster.cooperation;
