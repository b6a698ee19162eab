/** The {@code slotraft-admin} command line: inspecting and reshaping a cluster through the admin API. */
package io.slotraft.admin;
