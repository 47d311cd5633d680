/**
 * Cooperation: partner matchmaking and training programmes from skills gaps (docs/methods-cooperation.md). Who could meet a need, or which needs a
 * competence could meet, scored by text relevance (computed outside: the Lucene index lives in the data
 * module), code match along the OKPD2/OKVED2 hierarchy ({@link org.klaster.cooperation.IndustryCodes}), the
 * input–output link between the two industries ({@link org.klaster.cooperation.IoLink}), distance and the
 * dependency of the product; {@link org.klaster.cooperation.Matchmaking} combines them. {@link org.klaster.cooperation.SkillsGap}
 * turns new jobs, a staffing matrix, graduates and a specialty → occupation concordance into gaps by occupation and
 * proposed joint training programmes. Pure: no files, no database.
 */
package org.klaster.cooperation;
