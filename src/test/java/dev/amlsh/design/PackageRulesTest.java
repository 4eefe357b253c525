package dev.amlsh.design;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md's package table, checked on the compiled classes: who may use JLine, the Azure SDK,
 * the sandbox and the shell, the kernel's independence, and no cycles between packages.
 */
@Timeout(120)
class PackageRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.amlsh");
    }

    @Test
    void jlineOnlyInTheShell() {
        noClasses().that().resideOutsideOfPackage("dev.amlsh.shell..")
                .should().dependOnClassesThat().resideInAPackage("org.jline..")
                .because("the core never imports JLine; the REPL is a thin loop around dispatch")
                .check(classes);
    }

    @Test
    void theAzureSdkOnlyInAzureAndSession() {
        noClasses().that().resideOutsideOfPackages("dev.amlsh.azure..", "dev.amlsh.session..")
                .should().dependOnClassesThat().resideInAPackage("com.azure..")
                .because("commands never touch the SDK; they call the workspace manager and services")
                .check(classes);
    }

    @Test
    void onlyAppAndTheContractTouchTheSandbox() {
        noClasses().that().resideOutsideOfPackages("dev.amlsh.sandbox..", "dev.amlsh.app..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "sandbox classes outside the contract package",
                        c -> c.getPackageName().startsWith("dev.amlsh.sandbox")
                                && !c.getPackageName().startsWith("dev.amlsh.sandbox.contract")))
                .because("the client reaches the sandbox only over HTTPS; both sides share only the contract")
                .check(classes);
    }

    @Test
    void theShellIsUsedOnlyByApp() {
        noClasses().that().resideOutsideOfPackages("dev.amlsh.shell..", "dev.amlsh.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.amlsh.shell..")
                .check(classes);
    }

    @Test
    void theSandboxDoesNotUseTheClient() {
        noClasses().that().resideInAPackage("dev.amlsh.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.amlsh.app..", "dev.amlsh.shell..",
                        "dev.amlsh.command..", "dev.amlsh.session..", "dev.amlsh.azure..", "dev.amlsh.complete..",
                        "dev.amlsh.script..", "dev.amlsh.output..")
                .check(classes);
    }

    @Test
    void theKernelImportsNoOtherPackage() {
        noClasses().that().resideInAPackage("dev.amlsh.core..")
                .should().dependOnClassesThat(DescribedPredicate.describe("other amlsh packages",
                        c -> c.getPackageName().startsWith("dev.amlsh.") && !c.getPackageName().startsWith("dev.amlsh.core")))
                .because("errors, exit codes and resource IDs sit under every layer")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.amlsh.(*)..").should().beFreeOfCycles().check(classes);
    }
}
