package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PostfixInstallationTest {

    @Test
    void aMachineWithoutPostfixFailsWithAPointerToTheSetupScript() {
        PostfixInstallation missing = new PostfixInstallation(Path.of("/nonexistent/sbin"), Path.of("/nonexistent/lib"));

        assertThatThrownBy(missing::verify)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Postfix is not installed")
                .hasMessageContaining("scripts/setup-test-env.sh");
    }

    @Test
    void startingAnInstanceWithoutPostfixFailsInsteadOfSkipping() {
        PrivatePostfix postfix = PrivatePostfix.builder()
                .relayTo(25)
                .installation(new PostfixInstallation(Path.of("/nonexistent/sbin"), Path.of("/nonexistent/lib")))
                .build();

        assertThatThrownBy(postfix::start).hasMessageContaining("scripts/setup-test-env.sh");
    }
}
