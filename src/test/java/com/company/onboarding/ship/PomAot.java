package com.company.onboarding.ship;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What pom.xml says about the build and its {@code aot} profile, for checks that the Dockerfile agrees. */
final class PomAot {

    private static final Document POM = read(DockerImageTest.ROOT.resolve("pom.xml"));

    private PomAot() {
    }

    static String property(String name) {
        return child(child(POM.getDocumentElement(), "properties"), name).getTextContent().trim();
    }

    static String profileProperty(String name) {
        return child(child(profile(), "properties"), name).getTextContent().trim();
    }

    /** The aot profile's quarkus-app directory, relative to the repository: where app.aot is written. */
    static String quarkusApp() {
        String directory = child(child(profile(), "build"), "directory").getTextContent().trim();
        return directory.replace("${project.basedir}/", "") + "/quarkus-app";
    }

    private static Element profile() {
        NodeList profiles = child(POM.getDocumentElement(), "profiles").getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (child(profile, "id").getTextContent().trim().equals("aot")) {
                return profile;
            }
        }
        throw new AssertionError("pom.xml has no profile aot");
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("pom.xml: no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static Document read(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }
}
